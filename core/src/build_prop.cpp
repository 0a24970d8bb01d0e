// build.prop reading (device-formats 1.2): key=value lines, '#' comments, 'import' lines of init,
// a later definition overriding an earlier one; the API level comes from ro.build.version.sdk.

#include <hearth/build_prop.h>
#include <hearth/limits.h>

#include <algorithm>
#include <charconv>
#include <iterator>

namespace hearth {

namespace {

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) {
        text.remove_suffix(1);
    }
    return text;
}

std::string quotedExcerpt(std::string_view text) {
    constexpr size_t kShown = 60;
    std::string out = "'";
    for (char c : text.substr(0, kShown)) {
        const auto byte = static_cast<unsigned char>(c);
        out += (byte < 0x20 || byte == 0x7f) ? '?' : c;
    }
    if (text.size() > kShown) out += "...";
    return out + "'";
}

}  // namespace

std::optional<std::string> BuildProps::get(std::string_view key) const {
    auto it = values.find(std::string(key));
    if (it == values.end()) return std::nullopt;
    return it->second;
}

Result<BuildProps> parseBuildProp(std::string_view text, const std::string& sourceName) {
    if (text.size() > limits::kMaxBuildPropBytes) {
        return makeError(SourceLocation{sourceName, 0, 0},
                         std::to_string(text.size()) + " bytes is more than the limit of " +
                             std::to_string(limits::kMaxBuildPropBytes) + " for a build.prop");
    }
    BuildProps props;
    props.sourceName = sourceName;
    int lineNumber = 0;
    size_t start = 0;
    while (start < text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view raw = text.substr(start, end - start);
        start = end + 1;
        ++lineNumber;
        const size_t nul = raw.find('\0');
        if (nul != std::string_view::npos) {
            return makeError(SourceLocation{sourceName, lineNumber, static_cast<int>(nul) + 1},
                             "a NUL byte: this is not a text build.prop");
        }
        const std::string_view line = trim(raw);
        if (line.empty() || line.front() == '#') continue;
        if (line.rfind("import ", 0) == 0) continue;  // init's import of another property file
        const size_t equals = line.find('=');
        if (equals == std::string_view::npos || equals == 0) {
            props.diagnostics.push_back(
                Diagnostic{Diagnostic::Severity::Warning, SourceLocation{sourceName, lineNumber, 1},
                           "expected 'key=value', got " + quotedExcerpt(line) + "; line ignored"});
            continue;
        }
        const std::string key(trim(line.substr(0, equals)));
        props.values[key] = std::string(trim(line.substr(equals + 1)));
        props.lines[key] = lineNumber;
    }
    return props;
}

std::string releaseForApiLevel(int apiLevel) {
    static const char* const kReleases[] = {
        "",    "1.0", "1.1", "1.5", "1.6", "2.0", "2.0", "2.1", "2.2", "2.3", "2.3",  // 0-10
        "3.0", "3.1", "3.2", "4.0", "4.0", "4.1", "4.2", "4.3", "4.4", "4.4",         // 11-20
        "5.0", "5.1", "6.0", "7.0", "7.1", "8.0", "8.1", "9",   "10",  "11",          // 21-30
        "12",  "12",  "13",  "14",  "15",  "16"};                                     // 31-36
    if (apiLevel < 1 || apiLevel >= static_cast<int>(std::size(kReleases))) return {};
    return kReleases[apiLevel];
}

Result<PlatformVersion> platformVersion(const BuildProps& props) {
    constexpr const char* kSdk = "ro.build.version.sdk";
    const std::optional<std::string> sdk = props.get(kSdk);
    if (!sdk) {
        return makeError(SourceLocation{props.sourceName, 0, 0},
                         std::string("no '") + kSdk + "': the API level is unknown");
    }
    const SourceLocation where{props.sourceName, props.lines.at(kSdk), 1};
    int api = 0;
    const char* first = sdk->data();
    const char* last = first + sdk->size();
    const auto [end, ec] = std::from_chars(first, last, api);
    if (ec != std::errc() || end != last || api < 1 || api > 99) {
        return makeError(where, std::string("'") + kSdk +
                                    "' must be a number between 1 and 99, got " +
                                    quotedExcerpt(*sdk));
    }
    PlatformVersion version;
    version.apiLevel = api;
    version.release = props.get("ro.build.version.release").value_or("");
    version.codename = props.get("ro.build.version.codename").value_or("");
    const std::string expected = releaseForApiLevel(api);
    if (!version.release.empty() && !expected.empty()) {
        // Compare as many dotted components as the table names: 2.3.3 and 2.3.7 are both API 10.
        const size_t parts = static_cast<size_t>(std::count(expected.begin(), expected.end(), '.'));
        size_t cut = 0;
        for (size_t i = 0; i <= parts && cut != std::string::npos; ++i) {
            cut = version.release.find('.', i == 0 ? 0 : cut + 1);
        }
        const std::string head = version.release.substr(0, cut);
        if (head != expected) {
            const int line = props.lines.count("ro.build.version.release") > 0
                                 ? props.lines.at("ro.build.version.release")
                                 : 0;
            version.diagnostics.push_back(
                Diagnostic{Diagnostic::Severity::Warning, SourceLocation{props.sourceName, line, 1},
                           "'ro.build.version.release' says " + quotedExcerpt(version.release) +
                               " but '" + kSdk + "' is " + std::to_string(api) + " (Android " +
                               expected + "); the API level follows sdk"});
        }
    }
    if (!version.codename.empty() && version.codename != "REL") {
        version.diagnostics.push_back(
            Diagnostic{Diagnostic::Severity::Warning, where,
                       "a preview build (codename " + quotedExcerpt(version.codename) + "): API " +
                           std::to_string(api) + " is taken from sdk as written"});
    }
    return version;
}

}  // namespace hearth
