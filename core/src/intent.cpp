// Intent helpers and the `am`/`pm` INTENT argument syntax (spec 6.3), following
// Intent.parseCommandArgs and Intent.parseUri: the same options, the same merge of the trailing
// argument into the intent, and am's error wording.

#include <hearth/intent.h>
#include <hearth/intent_options.h>
#include <hearth/java_number.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>
#include <functional>
#include <map>
#include <utility>

#include "text.h"
#include "unicode.h"

namespace hearth {

bool Intent::hasCategory(std::string_view category) const {
    return std::find(categories.begin(), categories.end(), category) != categories.end();
}

void Intent::addCategory(std::string category) {
    if (!hasCategory(category)) categories.push_back(std::move(category));
}

const std::optional<std::string>& Intent::scheme() const {
    static const std::optional<std::string> kNoScheme;
    return data ? data->scheme() : kNoScheme;
}

namespace {

// ---- Intent.toShortString -------------------------------------------------------------------

bool schemeIs(std::string_view scheme, std::initializer_list<std::string_view> names) {
    for (std::string_view name : names) {
        if (text::equalsIgnoreCase(scheme, name)) return true;
    }
    return false;
}

// Uri.toSafeString: what `am` shows for dat=. Phone numbers and addresses are masked, web URIs
// are cut to scheme, host and port, and nothing shows a query's or fragment's secrets.
std::string toSafeString(const Uri& uri) {
    const std::optional<std::string>& scheme = uri.scheme();
    std::string ssp = uri.schemeSpecificPart();
    if (scheme) {
        if (schemeIs(*scheme, {"tel", "sip", "sms", "smsto", "mailto", "nfc"})) {
            std::string out = *scheme + ":";
            // One 'x' per UTF-16 unit, as Android masks chars.
            for (char16_t unit : text::toUtf16(ssp)) {
                out +=
                    (unit == u'-' || unit == u'@' || unit == u'.') ? static_cast<char>(unit) : 'x';
            }
            return out;
        }
        if (schemeIs(*scheme, {"http", "https", "ftp", "rtsp"})) {
            ssp = "//" + uri.host().value_or("") +
                  (uri.port() != -1 ? ":" + std::to_string(uri.port()) : "") + "/...";
        }
    }
    return scheme ? *scheme + ":" + ssp : ssp;
}


}  // namespace

std::string Intent::toShortString() const {
    std::string out;
    const auto field = [&out](std::string_view text) {
        if (!out.empty()) out += ' ';
        out += text;
    };
    if (action) field("act=" + *action);
    if (!categories.empty()) {
        // Android keeps categories in an ArraySet, which iterates in String.hashCode order.
        std::vector<std::pair<std::int32_t, const std::string*>> ordered;
        for (const std::string& category : categories) {
            ordered.emplace_back(text::javaHashCode(category), &category);
        }
        std::stable_sort(ordered.begin(), ordered.end(),
                         [](const auto& a, const auto& b) { return a.first < b.first; });
        std::string list = "cat=[";
        for (std::size_t i = 0; i < ordered.size(); ++i) {
            if (i > 0) list += ',';
            list += *ordered[i].second;
        }
        field(list + "]");
    }
    if (data) field("dat=" + toSafeString(*data));
    if (type) field("typ=" + *type);
    if (identifier) field("id=" + *identifier);
    if (flags != 0) field("flg=" + text::hex(flags));
    if (package) field("pkg=" + *package);
    if (component) field("cmp=" + component->flattenToShortString());
    if (hasExtras) field("(has extras)");
    if (selector) out += " sel=" + selector->toShortString() + "}";
    return out;
}

namespace {

// String.split(","): the pieces, with trailing empty pieces dropped as Java drops them.
std::vector<std::string_view> splitOnComma(std::string_view value) {
    std::vector<std::string_view> pieces;
    std::size_t start = 0;
    while (true) {
        const std::size_t comma = value.find(',', start);
        pieces.push_back(
            value.substr(start, comma == std::string_view::npos ? value.npos : comma - start));
        if (comma == std::string_view::npos) break;
        start = comma + 1;
    }
    while (!pieces.empty() && pieces.back().empty()) pieces.pop_back();
    return pieces;
}

std::string singleQuoted(std::string_view value) { return "'" + std::string(value) + "'"; }

// ---- The argument reader: ShellCommand's getNextOption / getNextArg ---------------------------

class ArgReader {
  public:
    explicit ArgReader(const std::vector<std::string>& args) : m_args(args) {}

    /// The next option ("-a", "--selector"), nullopt when the options are over. A single-dash
    /// option may carry its value attached ("-aVIEW"), as ShellCommand allows.
    Result<std::optional<std::string>> nextOption() {
        if (m_attached) {
            return makeError("No argument expected after \"" + m_args[m_pos - 1] + "\"");
        }
        if (m_pos >= m_args.size()) return std::optional<std::string>();
        const std::string& arg = m_args[m_pos];
        if (!arg.starts_with("-")) return std::optional<std::string>();
        ++m_pos;
        if (arg == "--") return std::optional<std::string>();
        if (arg.size() > 2 && arg[1] != '-') {
            m_attached = arg.substr(2);
            return std::optional<std::string>(arg.substr(0, 2));
        }
        return std::optional<std::string>(arg);
    }

    std::optional<std::string> nextArg() {
        if (m_attached) return std::exchange(m_attached, std::nullopt);
        if (m_pos < m_args.size()) return m_args[m_pos++];
        return std::nullopt;
    }

    Result<std::string> nextArgRequired() {
        if (std::optional<std::string> arg = nextArg()) return std::move(*arg);
        return makeError("Argument expected after \"" + m_args[m_pos - 1] + "\"");
    }

  private:
    const std::vector<std::string>& m_args;
    std::size_t m_pos = 0;
    std::optional<std::string> m_attached;
};

// ---- Intent.parseUri (URI_INTENT_SCHEME | URI_ANDROID_APP_SCHEME | URI_ALLOW_UNSAFE) ----------

Error badIntentUri(std::string_view uri, std::string_view reason) {
    return makeError("Bad intent URI " + singleQuoted(uri) + ": " + std::string(reason));
}

// Validates an "X.key=value" extra of an intent: URI the way Android parses it.
Result<void> checkUriExtra(std::string_view uri, char kind, std::string_view value) {
    bool valid = true;
    switch (kind) {
        case 'S':
        case 'B':
            break;
        case 'c':
            valid = !value.empty();
            break;
        case 'b':
        case 's':
        case 'i': {
            const auto number = text::parseJavaInt(value);
            const std::int32_t limit = kind == 'b' ? 127 : kind == 's' ? 32767 : INT32_MAX;
            valid = number && *number <= limit && *number >= -limit - 1;
            break;
        }
        case 'l':
            valid = isJavaLong(value);
            break;
        case 'd':
        case 'f':
            valid = isJavaFloat(value);
            break;
        default:
            return badIntentUri(uri, "unknown EXTRA type '" + std::string(1, kind) + ".'");
    }
    if (!valid) {
        return badIntentUri(uri, "extra value " + singleQuoted(value) + " is not a valid '" +
                                     std::string(1, kind) + ".' value");
    }
    return ok();
}

Result<Intent> parseIntentUri(std::string_view uri) {
    const bool androidApp = uri.starts_with("android-app:");
    if (!uri.starts_with("intent:") && !androidApp) {
        Intent intent;
        intent.action = names::kActionView;
        intent.data = Uri::parse(uri);
        return intent;
    }
    std::size_t hash = uri.rfind('#');
    if (hash == std::string_view::npos) {
        if (!androidApp) {
            Intent intent;
            intent.action = names::kActionView;
            intent.data = Uri::parse(uri);
            return intent;
        }
    } else if (!uri.substr(hash).starts_with("#Intent;")) {
        if (!androidApp) {
            return badIntentUri(uri,
                                "the old '#...' intent URI format is not supported; use "
                                "'#Intent;...;end'");
        }
        hash = std::string_view::npos;
    }

    Intent base;
    base.action = names::kActionView;
    Intent selector;
    Intent* current = &base;
    bool explicitAction = false;
    bool inSelector = false;
    std::optional<std::string> scheme;
    std::string data(hash == std::string_view::npos ? uri : uri.substr(0, hash));

    if (hash != std::string_view::npos) {
        std::size_t i = hash + 8;  // after "#Intent;"
        while (!uri.substr(i).starts_with("end")) {
            const std::size_t semicolon = uri.find(';', i);
            if (semicolon == std::string_view::npos) {
                return badIntentUri(uri, "expected ';end' at the end of the '#Intent;' part");
            }
            const std::string_view item = uri.substr(i, semicolon - i);
            const std::size_t equals = item.find('=');
            const std::string value = equals == std::string_view::npos
                                          ? std::string()
                                          : decodeUriComponent(item.substr(equals + 1));
            const auto is = [&item](std::string_view key) { return item.starts_with(key); };
            if (is("action=")) {
                current->action = value;
                if (!inSelector) explicitAction = true;
            } else if (is("category=")) {
                current->addCategory(value);
            } else if (is("type=")) {
                current->type = value;
            } else if (is("identifier=")) {
                current->identifier = value;
            } else if (is("sourceBounds=")) {
                // Where the launch animation starts: not part of the intent's identity.
            } else if (is("launchFlags=")) {
                const std::optional<std::int32_t> launchFlags = decodeJavaInt(value);
                if (!launchFlags) {
                    return badIntentUri(uri,
                                        "launchFlags " + singleQuoted(value) + " is not a number");
                }
                current->flags = *launchFlags;
            } else if (is("package=")) {
                current->package = value;
            } else if (is("component=")) {
                // Android keeps no component when the value does not unflatten.
                current->component = ComponentName::unflatten(value);
            } else if (is("scheme=")) {
                if (inSelector) {
                    current->data = Uri::parse(value + ":");
                } else {
                    scheme = value;
                }
            } else if (item == "SEL") {
                current = &selector;
                inSelector = true;
            } else {
                if (equals == std::string_view::npos || equals < 2 || item[1] != '.') {
                    return badIntentUri(uri,
                                        "illegal Intent URI format near " + singleQuoted(item));
                }
                if (Result<void> checked = checkUriExtra(uri, item[0], value); !checked) {
                    return checked.error();
                }
                current->hasExtras = true;
            }
            i = semicolon + 1;
        }
    }

    if (inSelector && !base.package) base.selector = std::make_shared<Intent>(selector);

    if (data.starts_with("intent:")) {
        data = data.substr(7);
        if (scheme) data = *scheme + ":" + data;
    } else if (data.starts_with("android-app:")) {
        if (data.size() < 13 || (data[12] == '/' && data.size() < 14)) {
            return badIntentUri(uri, "expected 'android-app://package[/scheme[/host[/path]]]'");
        }
        if (data[12] == '/' && data[13] == '/') {
            const std::size_t packageEnd = data.find('/', 14);
            if (packageEnd == std::string::npos) {
                base.package = data.substr(14);
                if (!explicitAction) base.action = names::kActionMain;
                data.clear();
            } else {
                base.package = data.substr(14, packageEnd - 14);
                std::optional<std::string> appScheme;
                std::optional<std::string> authority;
                std::size_t end = packageEnd;
                if (end + 1 < data.size()) {
                    const std::size_t schemeEnd = data.find('/', end + 1);
                    if (schemeEnd != std::string::npos) {
                        appScheme = data.substr(end + 1, schemeEnd - end - 1);
                        end = schemeEnd;
                        const std::size_t authorityEnd = data.find('/', end + 1);
                        if (authorityEnd != std::string::npos) {
                            authority = data.substr(end + 1, authorityEnd - end - 1);
                            end = authorityEnd;
                        }
                    } else {
                        appScheme = data.substr(end + 1);
                    }
                }
                if (!appScheme) {
                    if (!explicitAction) base.action = names::kActionMain;
                    data.clear();
                } else if (!authority) {
                    data = *appScheme + ":";
                } else {
                    data = *appScheme + "://" + *authority + data.substr(end);
                }
            }
        } else {
            data.clear();
        }
    }
    if (!data.empty()) base.data = Uri::parse(data);
    return base;
}

// ---- Intent.parseCommandArgs ------------------------------------------------------------------

// am's options that take one value and set a field of the intent.
constexpr std::array<std::string_view, 8> kFieldOptions = {"-a", "-d", "-t", "-c",
                                                           "-p", "-n", "-i", "-f"};

bool isFieldOption(std::string_view option) {
    return std::find(kFieldOptions.begin(), kFieldOptions.end(), option) != kFieldOptions.end();
}

const std::map<std::string, int, std::less<>>& flagOptions() {
    static const std::map<std::string, int, std::less<>> kOptions = {
        {"--grant-read-uri-permission", flags::kGrantReadUriPermission},
        {"--grant-write-uri-permission", flags::kGrantWriteUriPermission},
        {"--grant-persistable-uri-permission", flags::kGrantPersistableUriPermission},
        {"--grant-prefix-uri-permission", flags::kGrantPrefixUriPermission},
        {"--exclude-stopped-packages", flags::kExcludeStoppedPackages},
        {"--include-stopped-packages", flags::kIncludeStoppedPackages},
        {"--debug-log-resolution", flags::kDebugLogResolution},
        {"--activity-brought-to-front", flags::kActivityBroughtToFront},
        {"--activity-clear-top", flags::kActivityClearTop},
        {"--activity-clear-when-task-reset", flags::kActivityClearWhenTaskReset},
        {"--activity-exclude-from-recents", flags::kActivityExcludeFromRecents},
        {"--activity-launched-from-history", flags::kActivityLaunchedFromHistory},
        {"--activity-multiple-task", flags::kActivityMultipleTask},
        {"--activity-no-animation", flags::kActivityNoAnimation},
        {"--activity-no-history", flags::kActivityNoHistory},
        {"--activity-no-user-action", flags::kActivityNoUserAction},
        {"--activity-previous-is-top", flags::kActivityPreviousIsTop},
        {"--activity-reorder-to-front", flags::kActivityReorderToFront},
        {"--activity-reset-task-if-needed", flags::kActivityResetTaskIfNeeded},
        {"--activity-single-top", flags::kActivitySingleTop},
        {"--activity-clear-task", flags::kActivityClearTask},
        {"--activity-task-on-home", flags::kActivityTaskOnHome},
        {"--activity-match-external", flags::kActivityMatchExternal},
        {"--receiver-registered-only", flags::kReceiverRegisteredOnly},
        {"--receiver-replace-pending", flags::kReceiverReplacePending},
        {"--receiver-foreground", flags::kReceiverForeground},
        {"--receiver-no-abort", flags::kReceiverNoAbort},
        {"--receiver-include-background", flags::kReceiverIncludeBackground},
    };
    return kOptions;
}

std::string toLowerAscii(std::string value) {
    for (char& c : value) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    }
    return value;
}

// How am reads the value of an extra option; nullopt for an option am does not know.
struct ExtraKind {
    enum class Value { String, Int, Long, Float, Uri, Component, Boolean } value;
    bool list = false;            // comma-separated values
    bool countsAsIntent = false;  // am sets hasIntentInfo for these
};

// Every extra option am knows, with how it reads its value.
const std::map<std::string, ExtraKind, std::less<>>& extraKinds() {
    using V = ExtraKind::Value;
    static const std::map<std::string, ExtraKind, std::less<>> kExtras = {
        {"-e", {V::String}},
        {"--es", {V::String}},
        {"--esn", {V::String}},
        {"--ei", {V::Int}},
        {"--el", {V::Long}},
        {"--ef", {V::Float, false, true}},
        {"--ed", {V::Float}},
        {"--eu", {V::Uri}},
        {"--ecn", {V::Component}},
        {"--ez", {V::Boolean}},
        {"--eia", {V::Int, true}},
        {"--eial", {V::Int, true}},
        {"--ela", {V::Long, true, true}},
        {"--elal", {V::Long, true, true}},
        {"--efa", {V::Float, true, true}},
        {"--efal", {V::Float, true, true}},
        {"--esa", {V::String, true, true}},
        {"--esal", {V::String, true, true}},
    };
    return kExtras;
}

std::optional<ExtraKind> extraKind(std::string_view option) {
    const auto& kExtras = extraKinds();
    const auto found = kExtras.find(option);
    if (found == kExtras.end()) return std::nullopt;
    return found->second;
}

Result<void> checkExtra(const std::string& option, const ExtraKind& kind, const std::string& key,
                        const std::string& value) {
    using V = ExtraKind::Value;
    if (kind.value == V::Component) {
        if (!ComponentName::unflatten(value)) return makeError("Bad component name: " + value);
        return ok();
    }
    if (kind.value == V::Boolean) {
        // am lower-cases the value and also takes any integer (non-zero is true).
        const std::string lower = toLowerAscii(value);
        if (lower != "true" && lower != "t" && lower != "false" && lower != "f" &&
            !decodeJavaInt(lower)) {
            return makeError("Invalid boolean value: " + lower);
        }
        return ok();
    }
    const std::vector<std::string_view> pieces =
        kind.list ? splitOnComma(value) : std::vector<std::string_view>{value};
    for (std::string_view piece : pieces) {
        const char* expected = nullptr;
        if (kind.value == V::Int && !decodeJavaInt(piece)) expected = "an integer";
        if (kind.value == V::Long && !isJavaLong(piece)) expected = "a long integer";
        if (kind.value == V::Float && !isJavaFloat(piece)) expected = "a number";
        if (expected != nullptr) {
            return makeError(option + " expects " + expected + " for extra " + singleQuoted(key) +
                             ", got " + singleQuoted(piece));
        }
    }
    return ok();
}

// Intent.fillIn(other, FILL_IN_COMPONENT | FILL_IN_SELECTOR): the base fills what the options
// left empty; its component (and selector, unless a package is set) always win.
void fillIn(Intent& intent, const Intent& base) {
    if (base.action && !intent.action) intent.action = base.action;
    if ((base.data || base.type) && !intent.data && !intent.type) {
        intent.data = base.data;
        intent.type = base.type;
    }
    if (base.identifier && !intent.identifier) intent.identifier = base.identifier;
    if (!base.categories.empty() && intent.categories.empty()) intent.categories = base.categories;
    if (base.package && !intent.package && !intent.selector) intent.package = base.package;
    if (base.selector && !intent.package) intent.selector = base.selector;
    if (base.component) intent.component = base.component;
    intent.flags |= base.flags;
}

Intent launcherIntent() {
    Intent intent;
    intent.action = names::kActionMain;
    intent.addCategory(names::kCategoryLauncher);
    return intent;
}

}  // namespace

Result<Intent> parseIntentArgs(const std::vector<std::string>& args) {
    ArgReader reader(args);
    Intent intent;
    Intent selector;
    Intent* current = &intent;
    bool inSelector = false;
    bool hasIntentInfo = false;
    std::optional<Uri> data;
    std::optional<std::string> type;
    // Only the main intent's fields count as "an intent was supplied"; a few extras count
    // wherever they appear, as in am.
    const auto noteInfo = [&] {
        if (!inSelector) hasIntentInfo = true;
    };

    while (true) {
        Result<std::optional<std::string>> next = reader.nextOption();
        if (!next) return next.error();
        if (!next.value()) break;
        const std::string option = std::move(*next.value());

        if (isFieldOption(option)) {
            Result<std::string> value = reader.nextArgRequired();
            if (!value) return value.error();
            if (option == "-a") {
                current->action = *value;
            } else if (option == "-d") {
                data = Uri::parse(*value);
            } else if (option == "-t") {
                type = *value;
            } else if (option == "-c") {
                current->addCategory(*value);
            } else if (option == "-p") {
                current->package = *value;
            } else if (option == "-n") {
                std::optional<ComponentName> component = ComponentName::unflatten(*value);
                if (!component) return makeError("Bad component name: " + *value);
                current->component = std::move(component);
            } else if (option == "-i") {
                current->identifier = *value;
            } else if (option == "-f") {
                const std::optional<std::int32_t> value32 = decodeJavaInt(*value);
                if (!value32) {
                    return makeError("-f expects an integer (decimal, 0x hex or 0 octal), got " +
                                     singleQuoted(*value));
                }
                current->flags = *value32;
                continue;  // flags alone are not intent information
            }
            noteInfo();
            continue;
        }
        if (const auto flag = flagOptions().find(option); flag != flagOptions().end()) {
            current->flags |= flag->second;
            continue;
        }
        if (option == "--selector") {
            // The options so far made the main intent; the ones after it make the selector. The
            // -d/-t values carry over, so both get them unless the selector sets its own.
            current->data = data;
            current->type = type;
            if (inSelector) selector = Intent();
            current = &selector;
            inSelector = true;
            continue;
        }

        // Extras: checked the way am parses them, then dropped (they do not affect resolution).
        const std::optional<ExtraKind> extra = extraKind(option);
        if (!extra) return makeError("Unknown option: " + option);
        Result<std::string> key = reader.nextArgRequired();
        if (!key) return key.error();
        if (option == "--esn") {
            current->hasExtras = true;
            continue;
        }
        Result<std::string> value = reader.nextArgRequired();
        if (!value) return value.error();
        if (Result<void> checked = checkExtra(option, *extra, *key, *value); !checked) {
            return checked.error();
        }
        current->hasExtras = true;
        // am counts these as intent information, wherever they appear.
        if (extra->countsAsIntent) hasIntentInfo = true;
    }
    current->data = data;
    current->type = type;
    if (inSelector) intent.selector = std::make_shared<Intent>(std::move(selector));

    const std::optional<std::string> arg = reader.nextArg();
    std::optional<Intent> base;
    if (!arg) {
        // A selector without a main intent means "launch whatever the selector finds".
        if (inSelector) base = launcherIntent();
    } else if (arg->find(':') != std::string::npos) {
        Result<Intent> parsed = parseIntentUri(*arg);
        if (!parsed) return parsed.error();
        base = std::move(parsed.value());
    } else if (arg->find('/') != std::string::npos) {
        base = launcherIntent();
        base->component = ComponentName::unflatten(*arg);
        // am would quietly launch MAIN/LAUNCHER without a component; say what is wrong instead.
        if (!base->component) return makeError("Bad component name: " + *arg);
    } else {
        base = launcherIntent();
        base->package = *arg;
    }
    if (base) {
        // An explicit -a replaces the base's categories (MAIN/LAUNCHER's LAUNCHER, say).
        if (intent.action) base->categories.clear();
        fillIn(intent, *base);
        // am moves the URI's extras over too (the options' extras win on equal keys).
        intent.hasExtras = intent.hasExtras || base->hasExtras;
        hasIntentInfo = true;
    }
    if (const std::optional<std::string> extra = reader.nextArg()) {
        return makeError("Unexpected argument: " + *extra);
    }
    if (!hasIntentInfo) return makeError("No intent supplied");
    return intent;
}

std::vector<std::string> intentOptionNames() {
    std::vector<std::string> names(kFieldOptions.begin(), kFieldOptions.end());
    names.emplace_back("--selector");
    for (const auto& [name, flag] : flagOptions()) names.push_back(name);
    for (const auto& [name, kind] : extraKinds()) names.push_back(name);
    std::sort(names.begin(), names.end());
    return names;
}

}  // namespace hearth
