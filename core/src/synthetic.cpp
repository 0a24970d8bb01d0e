// Synthetic device generation. The mix of filters follows the measurement of the real manifests in
// ../shared/corpus (scripts/measure-corpus; the table and how each figure maps to a weight below
// are in docs/synthetic-devices.md). Output depends only on the options: every draw goes through
// Random, which uses std::mt19937_64 (its sequence is fixed by the standard) and distributions
// written here.

#include <hearth/synthetic.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <random>
#include <string_view>
#include <system_error>

#include "aapt_escape.h"

namespace hearth {
namespace {

using Json = nlohmann::ordered_json;

// ---------------------------------------------------------------------------------------------
// Portable random draws.

class Random {
  public:
    explicit Random(uint64_t seed) : m_engine(seed) {}

    /// Uniform in [0, n); rejection keeps every value equally likely (n > 0).
    uint64_t below(uint64_t n) {
        const uint64_t threshold = (0 - n) % n;  // 2^64 mod n: the biased low values
        uint64_t x = m_engine();
        while (x < threshold) x = m_engine();
        return x % n;
    }
    /// Uniform in [lo, hi].
    size_t between(size_t lo, size_t hi) { return lo + below(hi - lo + 1); }
    /// True with probability p (53 random bits compared as an exact IEEE double).
    bool chance(double p) { return static_cast<double>(m_engine() >> 11) * 0x1.0p-53 < p; }
    template <typename T, size_t N>
    const T& pick(const std::array<T, N>& items) {
        return items[below(N)];
    }
    template <typename T>
    const T& pick(const std::vector<T>& items) {
        return items[below(items.size())];
    }
    /// An index drawn with the given relative weights.
    template <size_t N>
    size_t weighted(const std::array<unsigned, N>& weights) {
        unsigned total = 0;
        for (unsigned w : weights) total += w;
        uint64_t x = below(total);
        for (size_t i = 0; i < N; ++i) {
            if (x < weights[i]) return i;
            x -= weights[i];
        }
        return N - 1;
    }

  private:
    std::mt19937_64 m_engine;
};

// ---------------------------------------------------------------------------------------------
// Vocabulary. Shared actions and types are the corpus's most frequent ones; everything else is
// private to a package (the corpus has 325 distinct actions in 603 filters).

constexpr std::array<const char*, 24> kVendors = {
    "acme",      "globex",    "initech", "umbrella", "hooli",    "stark",    "wayne",    "wonka",
    "tyrell",    "cyberdyne", "soylent", "aperture", "vandelay", "oscorp",   "massive",  "nakatomi",
    "gringotts", "monarch",   "dunder",  "pied",     "bluth",    "prestige", "vehement", "octan"};
constexpr std::array<const char*, 32> kProducts = {
    "notes",  "mail",    "camera",  "gallery",   "music",    "player",  "maps",     "chat",
    "reader", "weather", "clock",   "files",     "scanner",  "fitness", "bank",     "shop",
    "news",   "radio",   "podcast", "calendar",  "contacts", "dialer",  "keyboard", "vpn",
    "wallet", "tasks",   "recipes", "translate", "books",    "travel",  "tickets",  "social"};
constexpr std::array<const char*, 16> kWords = {
    "item",   "user", "post",    "watch",   "share", "open",  "album",   "track",
    "invite", "join", "product", "article", "event", "place", "channel", "order"};
constexpr std::array<const char*, 6> kTlds = {"com", "org", "net", "io", "app", "de"};

constexpr const char* kMain = "android.intent.action.MAIN";
constexpr const char* kView = "android.intent.action.VIEW";
constexpr const char* kDefault = "android.intent.category.DEFAULT";
constexpr const char* kBrowsable = "android.intent.category.BROWSABLE";
constexpr const char* kLauncher = "android.intent.category.LAUNCHER";
constexpr const char* kHome = "android.intent.category.HOME";

// Actions on data-less activity filters other apps may also declare (corpus top actions).
constexpr std::array<const char*, 12> kSharedActivityActions = {
    "android.intent.action.APPLICATION_PREFERENCES",
    "android.intent.action.SEARCH",
    "android.media.action.MEDIA_PLAY_FROM_SEARCH",
    "android.intent.action.ASSIST",
    "android.nfc.action.NDEF_DISCOVERED",
    "android.intent.action.CREATE_SHORTCUT",
    "android.intent.action.SET_WALLPAPER",
    "android.intent.action.MANAGE_NETWORK_USAGE",
    "android.settings.NOTIFICATION_SETTINGS",
    "android.intent.action.NOTIFICATION_PREFERENCES",
    "android.appwidget.action.APPWIDGET_CONFIGURE",
    "android.intent.action.WEB_SEARCH"};
constexpr std::array<const char*, 10> kReceiverActions = {
    "android.intent.action.BOOT_COMPLETED",
    "android.intent.action.BOOT_COMPLETED",
    "android.intent.action.BOOT_COMPLETED",
    "android.appwidget.action.APPWIDGET_UPDATE",
    "android.appwidget.action.APPWIDGET_UPDATE",
    "android.intent.action.LOCALE_CHANGED",
    "android.app.action.DEVICE_ADMIN_ENABLED",
    "android.intent.action.MEDIA_BUTTON",
    "android.intent.action.TIME_SET",
    "android.intent.action.MY_PACKAGE_REPLACED"};
constexpr std::array<const char*, 9> kServiceActions = {
    "android.service.quicksettings.action.QS_TILE",
    "android.service.quicksettings.action.QS_TILE",
    "com.google.firebase.MESSAGING_EVENT",
    "android.service.notification.NotificationListenerService",
    "android.accessibilityservice.AccessibilityService",
    "android.media.browse.MediaBrowserService",
    "android.content.SyncAdapter",
    "android.accounts.AccountAuthenticator",
    "androidx.car.app.CarAppService"};
// Categories besides DEFAULT/BROWSABLE/LAUNCHER/HOME seen on data-less filters.
constexpr std::array<const char*, 6> kExtraCategories = {
    "android.intent.category.ALTERNATIVE",  "android.intent.category.SELECTED_ALTERNATIVE",
    "android.intent.category.VOICE_LAUNCH", "com.android.settings.SHORTCUT",
    "android.intent.category.PREFERENCE",   "android.intent.category.TAB"};
// Full and wildcard types of MIME viewers (VIEW).
constexpr std::array<const char*, 16> kViewTypes = {"image/*",
                                                    "video/*",
                                                    "audio/*",
                                                    "text/plain",
                                                    "text/*",
                                                    "application/pdf",
                                                    "image/png",
                                                    "image/jpeg",
                                                    "audio/mpeg",
                                                    "video/mp4",
                                                    "text/html",
                                                    "application/zip",
                                                    "application/vnd.android.package-archive",
                                                    "text/calendar",
                                                    "text/x-vcard",
                                                    "application/epub+zip"};
// Types of share targets (SEND / SEND_MULTIPLE).
constexpr std::array<const char*, 6> kShareTypes = {"text/plain", "text/plain", "image/*",
                                                    "*/*",        "video/*",    "application/pdf"};
// Well-known opaque or system schemes (corpus: package, mailto, tel, sms, mms, geo).
struct SchemeUse {
    const char* action;
    const char* scheme;
    const char* example;  // a URI the filter accepts
};
constexpr std::array<SchemeUse, 7> kWellKnownSchemes = {{
    {"android.intent.action.SENDTO", "mailto", "mailto:someone@example.com"},
    {"android.intent.action.VIEW", "mailto", "mailto:someone@example.com"},
    {"android.intent.action.DIAL", "tel", "tel:5551234"},
    {"android.intent.action.VIEW", "tel", "tel:5551234"},
    {"android.intent.action.SENDTO", "smsto", "smsto:5551234"},
    {"android.intent.action.VIEW", "sms", "sms:5551234"},
    {"android.intent.action.VIEW", "geo", "geo:52.5,13.4"},
}};

// ---------------------------------------------------------------------------------------------
// The generated model, rendered both as manifest XML and as conformance-case JSON.

enum class PathKind { Literal, Prefix, SimpleGlob };

struct GenPath {
    PathKind kind;
    std::string value;
};

struct GenFilter {
    std::vector<std::string> actions;
    std::vector<std::string> categories;
    std::vector<std::string> schemes;
    std::vector<std::string> hosts;
    std::vector<GenPath> paths;
    std::vector<std::string> types;
    int priority = 0;
    bool autoVerify = false;
};

enum class GenKind { Activity, Alias, Service, Receiver, Provider };

struct GenComponent {
    GenKind kind = GenKind::Activity;
    std::string name;  // relative (".ui.X") or absolute
    bool enabled = true;
    std::string targetActivity;
    std::vector<GenFilter> filters;
};

// What a package's filters draw on: its own names, domain and scheme.
struct GenPackage {
    std::string name;
    std::string label;
    std::string domain;  // "notes42.com"
    std::string scheme;  // "notes42"
    bool system = false;
    bool privileged = false;
    std::vector<GenComponent> components;
    size_t filterCount = 0;
};

// The filter archetypes, with weights from the corpus's filter shapes (launcher and HOME filters
// are decided per package instead). See docs/synthetic-devices.md for the derivation.
enum class Archetype {
    PrivateAction,    // activity, app-specific action + DEFAULT
    SharedAction,     // activity, well-known data-less action + DEFAULT
    Receiver,         // receiver, broadcast action
    Service,          // service, binding action
    CustomScheme,     // VIEW + BROWSABLE, the app's own scheme
    WellKnownScheme,  // SENDTO mailto, DIAL tel, VIEW geo ...
    PackageReceiver,  // receiver, PACKAGE_* with scheme package
    AppLink,          // VIEW + BROWSABLE, http(s) + hosts
    DeepLinkPath,     // VIEW + BROWSABLE, http(s) + hosts + paths
    ContentViewer,    // VIEW, content/file schemes + types
    MimeViewer,       // VIEW, types only
    ShareTarget,      // SEND/SEND_MULTIPLE, types only
    Count
};
constexpr std::array<unsigned, static_cast<size_t>(Archetype::Count)> kArchetypeWeights = {
    160, 118, 62, 33,  // action only: 373 filters
    25,  11,  7,       // scheme only: 43
    18,                // scheme + host: 18
    13,                // scheme + host + path: 13
    11,                // scheme + type: 11
    24,  22};          // type only: 46

std::string capitalized(std::string_view word) {
    std::string out(word);
    if (!out.empty() && out[0] >= 'a' && out[0] <= 'z')
        out[0] = static_cast<char>(out[0] - 'a' + 'A');
    return out;
}

GenPackage makePackage(Random& random, size_t index) {
    GenPackage package;
    const std::string product = random.pick(kProducts);
    const std::string stem = product + std::to_string(index);
    package.name = std::string("com.") + random.pick(kVendors) + "." + stem;
    package.label = capitalized(product) + " " + std::to_string(index);
    package.domain = stem + "." + random.pick(kTlds);
    package.scheme = stem;
    return package;
}

std::string privateAction(const GenPackage& package, Random& random) {
    static constexpr std::array<const char*, 10> kVerbs = {
        "OPEN", "SYNC", "COMPOSE", "SHOW_DETAILS", "REFRESH",
        "PLAY", "SCAN", "IMPORT",  "EXPORT",       "SETTINGS"};
    return package.name + ".action." + random.pick(kVerbs);
}

std::vector<std::string> someHosts(const GenPackage& package, Random& random) {
    // Corpus hosts: 89% exact, 4% "*.suffix", 7% "*"; 1 host per filter mostly, up to 5. The
    // corpus's "*" hosts sit on media filters (VLC, Organic Maps: any host, a file-name pattern),
    // which ContentViewer reproduces; on a deep link "*" would make the app a browser.
    std::vector<std::string> hosts;
    const size_t count = random.chance(0.8) ? 1 : random.between(2, 3);
    for (size_t i = 0; i < count; ++i) {
        const size_t kind = random.weighted(std::array<unsigned, 2>{95, 5});
        if (kind == 1) {
            hosts.push_back("*." + package.domain);
        } else {
            hosts.push_back(i == 0 ? package.domain : (i == 1 ? "www." : "m.") + package.domain);
        }
    }
    return hosts;
}

GenFilter makeFilter(Archetype archetype, const GenPackage& package, Random& random) {
    GenFilter filter;
    switch (archetype) {
        case Archetype::PrivateAction:
            filter.actions.push_back(privateAction(package, random));
            filter.categories.emplace_back(kDefault);
            // Corpus: 30 distinct categories, a fifth of the filters carry two or more.
            if (random.chance(0.15)) filter.categories.emplace_back(random.pick(kExtraCategories));
            break;
        case Archetype::SharedAction:
            filter.actions.emplace_back(random.pick(kSharedActivityActions));
            filter.categories.emplace_back(kDefault);
            break;
        case Archetype::Receiver:
            filter.actions.emplace_back(random.chance(0.7) ? random.pick(kReceiverActions)
                                                           : privateAction(package, random));
            if (random.chance(0.2))
                filter.actions.emplace_back("android.intent.action.QUICKBOOT_POWERON");
            break;
        case Archetype::Service:
            filter.actions.emplace_back(random.chance(0.7) ? random.pick(kServiceActions)
                                                           : privateAction(package, random));
            break;
        case Archetype::CustomScheme:
            filter.actions.emplace_back(kView);
            filter.categories = {kDefault, kBrowsable};
            filter.schemes.push_back(package.scheme);
            if (random.chance(0.15)) filter.hosts.emplace_back(random.pick(kWords));
            break;
        case Archetype::WellKnownScheme: {
            const SchemeUse& use = random.pick(kWellKnownSchemes);
            filter.actions.emplace_back(use.action);
            filter.categories.emplace_back(kDefault);
            filter.schemes.emplace_back(use.scheme);
            break;
        }
        case Archetype::PackageReceiver:
            filter.actions.emplace_back("android.intent.action.PACKAGE_ADDED");
            if (random.chance(0.5))
                filter.actions.emplace_back("android.intent.action.PACKAGE_REMOVED");
            filter.schemes.emplace_back("package");
            break;
        case Archetype::AppLink:
        case Archetype::DeepLinkPath:
            filter.actions.emplace_back(kView);
            filter.categories = {kDefault, kBrowsable};
            if (random.chance(0.6)) filter.schemes.emplace_back("http");
            filter.schemes.emplace_back("https");
            filter.hosts = someHosts(package, random);
            filter.autoVerify = random.chance(0.3);
            if (archetype == Archetype::DeepLinkPath) {
                // Corpus path attributes: mostly pathPattern, then pathPrefix, few exact paths.
                const size_t count = random.chance(0.7) ? 1 : random.between(2, 6);
                for (size_t i = 0; i < count; ++i) {
                    const std::string word = random.pick(kWords);
                    switch (random.weighted(std::array<unsigned, 3>{15, 40, 45})) {
                        case 0:
                            filter.paths.push_back({PathKind::Literal, "/" + word});
                            break;
                        case 1:
                            filter.paths.push_back({PathKind::Prefix, "/" + word});
                            break;
                        default:
                            filter.paths.push_back(
                                {PathKind::SimpleGlob,
                                 random.chance(0.5) ? "/" + word + "/.*" : "/.*/" + word + "/.*"});
                    }
                }
            }
            break;
        case Archetype::ContentViewer:
            filter.actions.emplace_back(kView);
            filter.categories.emplace_back(kDefault);
            filter.schemes = {"content", "file"};
            if (random.chance(0.3)) filter.schemes.emplace_back("http");
            filter.types.emplace_back(random.chance(0.5) ? "video/*" : "audio/*");
            if (random.chance(0.4)) filter.types.emplace_back(random.pick(kViewTypes));
            if (random.chance(0.4)) {
                // VLC's shape: any host, a file extension as an escaped-dot pattern.
                static constexpr std::array<const char*, 5> kExtensions = {"mkv", "mp4", "mp3",
                                                                           "ogg", "flac"};
                filter.hosts.emplace_back("*");
                filter.paths.push_back(
                    {PathKind::SimpleGlob, std::string(".*\\.") + random.pick(kExtensions)});
            }
            break;
        case Archetype::MimeViewer: {
            filter.actions.emplace_back(kView);
            if (random.chance(0.15)) filter.actions.emplace_back("android.intent.action.EDIT");
            filter.categories.emplace_back(kDefault);
            // Corpus types: 71% full, 16% base/*, 5% */*, the rest app-specific (vnd.*) ones.
            if (random.chance(0.3)) {
                filter.types.push_back("vnd.android.cursor.item/vnd." + package.scheme + "." +
                                       random.pick(kWords));
            } else {
                const size_t count = random.chance(0.7) ? 1 : random.between(2, 5);
                for (size_t i = 0; i < count; ++i)
                    filter.types.emplace_back(random.pick(kViewTypes));
            }
            break;
        }
        case Archetype::ShareTarget:
            filter.actions.emplace_back("android.intent.action.SEND");
            if (random.chance(0.35))
                filter.actions.emplace_back("android.intent.action.SEND_MULTIPLE");
            filter.categories.emplace_back(kDefault);
            filter.types.emplace_back(random.pick(kShareTypes));
            if (random.chance(0.3)) filter.types.emplace_back(random.pick(kShareTypes));
            break;
        case Archetype::Count:
            break;
    }
    // Types are a set in Android; a repeated draw must not list one twice.
    std::vector<std::string> uniqueTypes;
    for (std::string& type : filter.types) {
        if (std::find(uniqueTypes.begin(), uniqueTypes.end(), type) == uniqueTypes.end()) {
            uniqueTypes.push_back(std::move(type));
        }
    }
    filter.types = std::move(uniqueTypes);
    return filter;
}

GenKind kindOf(Archetype archetype) {
    switch (archetype) {
        case Archetype::Receiver:
        case Archetype::PackageReceiver:
            return GenKind::Receiver;
        case Archetype::Service:
            return GenKind::Service;
        default:
            return GenKind::Activity;
    }
}

GenFilter launcherFilter() { return GenFilter{{kMain}, {kLauncher}, {}, {}, {}, {}, 0, false}; }
GenFilter homeFilter() { return GenFilter{{kMain}, {kHome, kDefault}, {}, {}, {}, {}, 0, false}; }

void addFilter(GenPackage& package, GenComponent& component, GenFilter filter) {
    component.filters.push_back(std::move(filter));
    ++package.filterCount;
}

GenComponent& addComponent(GenPackage& package, GenKind kind, std::string name) {
    package.components.push_back(GenComponent{kind, std::move(name), true, {}, {}});
    return package.components.back();
}

// The roles some packages play on every device, whatever its size.
enum class Role { App, SystemLauncher, SystemBrowser, Settings, Launcher, Browser };

void addBrowserFilters(GenPackage& package) {
    GenComponent& main = addComponent(package, GenKind::Activity, ".BrowserActivity");
    GenFilter launcher = launcherFilter();
    launcher.categories.emplace_back("android.intent.category.APP_BROWSER");
    addFilter(package, main, launcher);
    addFilter(package, main,
              GenFilter{{kView}, {kDefault, kBrowsable}, {"http", "https"}, {}, {}, {}, 0, false});
    addFilter(package, main,
              GenFilter{{kView},
                        {kDefault, kBrowsable},
                        {"http", "https"},
                        {},
                        {},
                        {"text/html", "text/plain", "application/xhtml+xml"},
                        0,
                        false});
    GenComponent& search = addComponent(package, GenKind::Activity, ".SearchActivity");
    addFilter(
        package, search,
        GenFilter{{"android.intent.action.WEB_SEARCH"}, {kDefault}, {}, {}, {}, {}, 0, false});
}

void addSettingsFilters(GenPackage& package, Random& random) {
    // Modelled on AOSP Settings: FallbackHome at -1000 and many prioritised data-less filters.
    GenComponent& fallback = addComponent(package, GenKind::Activity, ".FallbackHome");
    GenFilter home = homeFilter();
    home.priority = -1000;
    addFilter(package, fallback, home);
    GenComponent& main = addComponent(package, GenKind::Activity, ".Settings");
    addFilter(package, main, launcherFilter());
    const size_t extra = random.between(20, 40);
    for (size_t i = 0; i < extra; ++i) {
        GenComponent& page =
            addComponent(package, GenKind::Activity, ".SettingsPage" + std::to_string(i));
        GenFilter filter{{"android.settings." + capitalized(random.pick(kWords)) + "_SETTINGS_" +
                          std::to_string(i)},
                         {kDefault},
                         {},
                         {},
                         {},
                         {},
                         random.chance(0.6) ? static_cast<int>(random.between(1, 100)) : 0,
                         false};
        addFilter(package, page, filter);
    }
}

std::string componentName(GenKind kind, size_t index, Random& random) {
    const std::string word = capitalized(random.pick(kWords));
    switch (kind) {
        case GenKind::Service:
            return ".service." + word + "Service" + std::to_string(index);
        case GenKind::Receiver:
            return ".receiver." + word + "Receiver" + std::to_string(index);
        case GenKind::Provider:
            return ".data." + word + "Provider" + std::to_string(index);
        default:
            return ".ui." + word + "Activity" + std::to_string(index);
    }
}

GenPackage generatePackage(Random& random, size_t index, Role role) {
    GenPackage package = makePackage(random, index);
    switch (role) {
        case Role::SystemLauncher:
            package.name = "com.android.launcher3";
            package.label = "Launcher3";
            package.system = package.privileged = true;
            break;
        case Role::SystemBrowser:
            package.name = "org.chromium.webview_shell";
            package.label = "Browser";
            package.system = true;
            break;
        case Role::Settings:
            package.name = "com.android.settings";
            package.label = "Settings";
            package.system = package.privileged = true;
            break;
        default:
            // Corpus sources are mostly apps a user installs; a device image adds system ones.
            package.system = random.chance(0.12);
            package.privileged = package.system && random.chance(0.4);
    }

    if (role == Role::SystemLauncher || role == Role::Launcher) {
        GenComponent& home = addComponent(package, GenKind::Activity, ".Launcher");
        addFilter(package, home, homeFilter());
        if (role == Role::Launcher && random.chance(0.5)) {
            addFilter(package, home, launcherFilter());
        }
    } else if (role == Role::SystemBrowser || role == Role::Browser) {
        addBrowserFilters(package);
    } else if (role == Role::Settings) {
        addSettingsFilters(package, random);
    }

    // Most apps show one launcher icon; some ship disabled activity-alias icon variants (corpus:
    // Fossify, Signal), which are MAIN/LAUNCHER filters too.
    const bool hasMain = role == Role::App && random.chance(0.9);
    if (hasMain) {
        GenComponent& main = addComponent(package, GenKind::Activity, ".MainActivity");
        addFilter(package, main, launcherFilter());
        if (random.chance(0.04)) {
            const size_t icons = random.between(2, 10);
            for (size_t i = 0; i < icons; ++i) {
                GenComponent& alias =
                    addComponent(package, GenKind::Alias, ".LauncherIcon" + std::to_string(i));
                alias.enabled = false;
                alias.targetActivity = package.name + ".MainActivity";
                addFilter(package, alias, launcherFilter());
            }
        }
    }

    // Filters beyond the launcher: corpus median 7 a manifest, mean 12 without AOSP Settings.
    static constexpr std::array<unsigned, 4> kSizeWeights = {35, 40, 20, 5};
    static constexpr std::array<std::pair<size_t, size_t>, 4> kSizes = {
        {{1, 3}, {4, 12}, {13, 25}, {26, 50}}};
    const auto [lo, hi] = kSizes[random.weighted(kSizeWeights)];
    const size_t count = random.between(lo, hi);
    GenComponent* previous = nullptr;
    for (size_t i = 0; i < count; ++i) {
        const auto archetype = static_cast<Archetype>(random.weighted(kArchetypeWeights));
        const GenKind kind = kindOf(archetype);
        GenFilter filter = makeFilter(archetype, package, random);
        // Corpus: 17% of priorities are set, nearly all by privileged system apps.
        if (random.chance(package.privileged ? 0.25 : 0.03)) {
            filter.priority = static_cast<int>(random.between(1, 999));
        }
        // 16% of components with filters have more than one (corpus: 376 of 457 have one).
        if (previous != nullptr && previous->kind == kind && random.chance(0.16)) {
            addFilter(package, *previous, std::move(filter));
            continue;
        }
        GenComponent& component = addComponent(package, kind, componentName(kind, i, random));
        // Corpus activity-aliases (14% of filters) carry the same filters as activities.
        if (kind == GenKind::Activity && hasMain && random.chance(0.15)) {
            component.kind = GenKind::Alias;
            component.targetActivity = package.name + ".MainActivity";
        }
        component.enabled = !random.chance(0.04);
        addFilter(package, component, std::move(filter));
        previous = &package.components.back();
    }

    // Half of the corpus's components have no filter at all (447 of 907).
    const size_t plain = random.between(package.filterCount / 2, package.filterCount * 3 / 2);
    static constexpr std::array<unsigned, 4> kPlainKinds = {70, 15, 5, 10};
    static constexpr std::array<GenKind, 4> kPlainKindValues = {
        GenKind::Activity, GenKind::Service, GenKind::Receiver, GenKind::Provider};
    for (size_t i = 0; i < plain; ++i) {
        const GenKind kind = kPlainKindValues[random.weighted(kPlainKinds)];
        addComponent(package, kind, componentName(kind, count + i, random));
    }
    return package;
}

// ---------------------------------------------------------------------------------------------
// XML rendering.

void appendAttribute(std::string& out, std::string_view name, std::string_view value) {
    out += " android:";
    out += name;
    out += "=\"";
    out += escapeAttributeValue(value);
    out += '"';
}

const char* pathAttribute(PathKind kind) {
    switch (kind) {
        case PathKind::Literal:
            return "path";
        case PathKind::Prefix:
            return "pathPrefix";
        case PathKind::SimpleGlob:
            return "pathPattern";
    }
    return "path";
}

const char* elementName(GenKind kind) {
    switch (kind) {
        case GenKind::Activity:
            return "activity";
        case GenKind::Alias:
            return "activity-alias";
        case GenKind::Service:
            return "service";
        case GenKind::Receiver:
            return "receiver";
        case GenKind::Provider:
            return "provider";
    }
    return "activity";
}

void appendFilterXml(std::string& out, const GenFilter& filter) {
    out += "            <intent-filter";
    if (filter.priority != 0) appendAttribute(out, "priority", std::to_string(filter.priority));
    if (filter.autoVerify) appendAttribute(out, "autoVerify", "true");
    out += ">\n";
    for (const std::string& action : filter.actions) {
        out += "                <action";
        appendAttribute(out, "name", action);
        out += " />\n";
    }
    for (const std::string& category : filter.categories) {
        out += "                <category";
        appendAttribute(out, "name", category);
        out += " />\n";
    }
    // One <data> per attribute, as most real manifests write them (Android merges them, M-26).
    for (const std::string& scheme : filter.schemes) {
        out += "                <data";
        appendAttribute(out, "scheme", scheme);
        out += " />\n";
    }
    for (const std::string& host : filter.hosts) {
        out += "                <data";
        appendAttribute(out, "host", host);
        out += " />\n";
    }
    for (const GenPath& path : filter.paths) {
        out += "                <data";
        appendAttribute(out, pathAttribute(path.kind), path.value);
        out += " />\n";
    }
    for (const std::string& type : filter.types) {
        out += "                <data";
        appendAttribute(out, "mimeType", type);
        out += " />\n";
    }
    out += "            </intent-filter>\n";
}

std::string renderManifest(const GenPackage& package) {
    std::string out;
    out.reserve(512 + package.components.size() * 160 + package.filterCount * 320);
    out += "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";
    out += "<!-- generated by hearth gen-device: a synthetic package for benchmarks -->\n";
    out += "<manifest xmlns:android=\"http://schemas.android.com/apk/res/android\"\n";
    out += "    package=\"" + package.name + "\">\n";
    out += "    <uses-sdk android:minSdkVersion=\"24\" android:targetSdkVersion=\"34\" />\n";
    out += "    <application";
    appendAttribute(out, "label", package.label);
    out += ">\n";
    for (const GenComponent& component : package.components) {
        out += "        <";
        out += elementName(component.kind);
        appendAttribute(out, "name", component.name);
        if (component.kind == GenKind::Alias) {
            appendAttribute(out, "targetActivity", component.targetActivity);
        }
        if (!component.enabled) appendAttribute(out, "enabled", "false");
        if (component.kind == GenKind::Provider) {
            appendAttribute(out, "authorities", package.name + component.name);
        }
        appendAttribute(out, "exported", component.filters.empty() ? "false" : "true");
        if (component.filters.empty()) {
            out += " />\n";
            continue;
        }
        out += ">\n";
        for (const GenFilter& filter : component.filters) appendFilterXml(out, filter);
        out += "        </";
        out += elementName(component.kind);
        out += ">\n";
    }
    out += "    </application>\n";
    out += "</manifest>\n";
    return out;
}

// ---------------------------------------------------------------------------------------------
// Intents that a filter accepts (or, mutated, rejects): for probes and for filter-match cases.

struct GenIntent {
    std::optional<std::string> action;
    std::vector<std::string> categories;
    std::optional<std::string> data;
    std::optional<std::string> type;
};

std::string concreteHost(const std::string& host) {
    if (host == "*") return "anything.example";
    if (!host.empty() && host[0] == '*') return "m" + host.substr(1);
    return host;
}

std::string concretePath(const GenPath& path, Random& random) {
    const std::string tail = std::to_string(random.between(1, 99999));
    switch (path.kind) {
        case PathKind::Literal:
            return path.value;
        case PathKind::Prefix:
            return path.value + "/" + tail;
        case PathKind::SimpleGlob: {
            // The generated globs use ".*" and "\." only; digits never hold the literal after ".*".
            std::string out;
            for (size_t i = 0; i < path.value.size(); ++i) {
                if (path.value.compare(i, 2, ".*") == 0) {
                    out += tail;
                    ++i;
                } else if (path.value[i] == '\\' && i + 1 < path.value.size()) {
                    out += path.value[++i];
                } else {
                    out += path.value[i];
                }
            }
            return out.empty() || out[0] != '/' ? "/" + out : out;
        }
    }
    return "/";
}

std::string concreteType(const std::string& type) {
    if (type == "*/*") return "application/octet-stream";
    if (type.size() > 2 && type.compare(type.size() - 2, 2, "/*") == 0) {
        const std::string base = type.substr(0, type.size() - 2);
        if (base == "image") return "image/png";
        if (base == "video") return "video/mp4";
        if (base == "audio") return "audio/ogg";
        return base + "/plain";
    }
    return type;
}

GenIntent matchingIntent(const GenFilter& filter, Random& random) {
    GenIntent intent;
    if (!filter.actions.empty()) intent.action = random.pick(filter.actions);
    for (const std::string& category : filter.categories) {
        if (category == kDefault) continue;  // added by MATCH_DEFAULT_ONLY, not by the intent
        if (category == kBrowsable && !random.chance(0.7)) continue;
        intent.categories.push_back(category);
    }
    if (!filter.schemes.empty()) {
        const std::string& scheme = random.pick(filter.schemes);
        if (!filter.hosts.empty()) {
            std::string uri = scheme + "://" + concreteHost(random.pick(filter.hosts));
            uri += filter.paths.empty() ? "/" + std::string(random.pick(kWords))
                                        : concretePath(random.pick(filter.paths), random);
            intent.data = uri;
        } else {
            auto known = std::find_if(kWellKnownSchemes.begin(), kWellKnownSchemes.end(),
                                      [&](const SchemeUse& use) { return scheme == use.scheme; });
            if (known != kWellKnownSchemes.end()) {
                intent.data = known->example;
            } else if (scheme == "package") {
                intent.data = "package:com.example.installed";
            } else if (scheme == "content") {
                intent.data = "content://media/external/" + std::to_string(random.between(1, 999));
            } else if (scheme == "file") {
                intent.data =
                    "file:///sdcard/Download/clip" + std::to_string(random.between(1, 99));
            } else {
                const std::string word = random.pick(kWords);
                intent.data = scheme + "://" + word + "/" + std::to_string(random.between(1, 999));
            }
        }
    }
    if (!filter.types.empty()) intent.type = concreteType(random.pick(filter.types));
    return intent;
}

// One change that usually makes the filter refuse the intent, at a different step of M-1 each.
void mutate(GenIntent& intent, Random& random) {
    switch (random.below(6)) {
        case 0:
            intent.action = "android.intent.action.CALL";
            break;
        case 1:
            intent.categories.emplace_back("android.intent.category.ALTERNATIVE");
            break;
        case 2:
            if (intent.data && intent.data->find("://") != std::string::npos) {
                const size_t start = intent.data->find("://") + 3;
                const size_t end = intent.data->find('/', start);
                intent.data->replace(start,
                                     end == std::string::npos ? std::string::npos : end - start,
                                     "elsewhere.invalid");
            } else {
                intent.data = "https://elsewhere.invalid/x";
            }
            break;
        case 3:
            intent.data = intent.data ? "ftp" + intent.data->substr(intent.data->find(':'))
                                      : "ftp://files.invalid/a";
            break;
        case 4:
            intent.type = intent.type ? "chemical/x-pdb" : "text/plain";
            break;
        default:
            if (intent.data && intent.data->find("://") != std::string::npos) {
                *intent.data += "/../Other%20Path";
            } else {
                intent.type.reset();
            }
    }
}

Json stringList(const std::vector<std::string>& values) {
    Json list = Json::array();
    for (const std::string& value : values) list.push_back(value);
    return list;
}

Json filterJson(const GenFilter& filter) {
    static constexpr std::array<const char*, 3> kKindNames = {"literal", "prefix", "glob"};
    Json json = Json::object();
    if (!filter.actions.empty()) json["actions"] = stringList(filter.actions);
    if (!filter.categories.empty()) json["categories"] = stringList(filter.categories);
    if (!filter.types.empty()) json["types"] = stringList(filter.types);
    if (!filter.schemes.empty()) json["schemes"] = stringList(filter.schemes);
    if (!filter.hosts.empty()) {
        Json authorities = Json::array();
        for (const std::string& host : filter.hosts) {
            authorities.push_back({{"host", host}, {"port", nullptr}});
        }
        json["authorities"] = std::move(authorities);
    }
    if (!filter.paths.empty()) {
        Json paths = Json::array();
        for (const GenPath& path : filter.paths) {
            paths.push_back(
                {{"kind", kKindNames[static_cast<size_t>(path.kind)]}, {"value", path.value}});
        }
        json["paths"] = std::move(paths);
    }
    if (filter.priority != 0) json["priority"] = filter.priority;
    return json;
}

Json intentJson(const GenIntent& intent) {
    Json json;
    json["action"] = intent.action ? Json(*intent.action) : Json(nullptr);
    json["categories"] = intent.categories.empty() ? Json(nullptr) : stringList(intent.categories);
    json["data"] = intent.data ? Json(*intent.data) : Json(nullptr);
    json["type"] = intent.type ? Json(*intent.type) : Json(nullptr);
    return json;
}

std::vector<std::string> intentArgs(const GenIntent& intent) {
    std::vector<std::string> args;
    if (intent.action) args.insert(args.end(), {"-a", *intent.action});
    for (const std::string& category : intent.categories) args.insert(args.end(), {"-c", category});
    if (intent.data) args.insert(args.end(), {"-d", *intent.data});
    if (intent.type) args.insert(args.end(), {"-t", *intent.type});
    return args;
}

// ---------------------------------------------------------------------------------------------
// Probes: intents whose candidates are known by construction.

struct FoundFilter {
    const GenPackage* package = nullptr;
    const GenFilter* filter = nullptr;
};

// A random enabled activity filter satisfying pred, looked for from a random package onwards.
template <typename Pred>
FoundFilter findActivityFilter(const std::vector<GenPackage>& packages, Random& random, Pred pred) {
    const size_t start = random.below(packages.size());
    for (size_t step = 0; step < packages.size(); ++step) {
        const GenPackage& package = packages[(start + step) % packages.size()];
        for (const GenComponent& component : package.components) {
            if (!component.enabled ||
                (component.kind != GenKind::Activity && component.kind != GenKind::Alias)) {
                continue;
            }
            for (const GenFilter& filter : component.filters) {
                if (pred(package, filter)) return {&package, &filter};
            }
        }
    }
    return {};
}

bool hasDefault(const GenFilter& filter) {
    return std::find(filter.categories.begin(), filter.categories.end(), kDefault) !=
           filter.categories.end();
}

std::vector<SyntheticProbe> makeProbes(const std::vector<GenPackage>& packages, Random& random) {
    std::vector<SyntheticProbe> probes;
    auto add = [&](std::string name, std::vector<std::string> args, std::string description) {
        probes.push_back({std::move(name), std::move(args), std::move(description)});
    };

    FoundFilter own =
        findActivityFilter(packages, random, [](const GenPackage& p, const GenFilter& f) {
            return hasDefault(f) && f.types.empty() && f.schemes.empty() && f.actions.size() == 1 &&
                   f.actions[0].rfind(p.name + ".action.", 0) == 0;
        });
    if (own.filter != nullptr) {
        add("action-private", {"-a", own.filter->actions[0]},
            "an action only one app declares: one candidate");
    }
    add("action-shared", {"-a", "android.intent.action.APPLICATION_PREFERENCES"},
        "a data-less action many apps declare: candidates grow with the device");

    FoundFilter link =
        findActivityFilter(packages, random, [](const GenPackage&, const GenFilter& f) {
            return !f.hosts.empty() && !f.paths.empty() && f.hosts[0] != "*" && hasDefault(f) &&
                   std::find(f.schemes.begin(), f.schemes.end(), "https") != f.schemes.end();
        });
    if (link.filter != nullptr) {
        GenIntent intent;
        intent.action = kView;
        intent.categories.emplace_back(kBrowsable);
        intent.data = "https://" + concreteHost(link.filter->hosts[0]) +
                      concretePath(link.filter->paths[0], random);
        add("web", intentArgs(intent),
            "an https deep link: the browsers plus the app that owns it");
    }

    FoundFilter vendor =
        findActivityFilter(packages, random, [](const GenPackage&, const GenFilter& f) {
            return f.types.size() == 1 && f.schemes.empty() && hasDefault(f) &&
                   f.types[0].rfind("vnd.android.cursor.item/", 0) == 0;
        });
    if (vendor.filter != nullptr) {
        add("mime", {"-a", kView, "-t", vendor.filter->types[0]},
            "an app-specific MIME type: its viewer plus every */* viewer");
    }
    add("mime-common", {"-a", kView, "-t", "image/png"},
        "a common MIME type: every image viewer (grows with the device)");
    add("home", {"-a", kMain, "-c", kHome}, "the HOME intent: the launchers and FallbackHome");
    add("launcher-all", {"-a", kMain, "-c", kLauncher},
        "every launcher icon (grows with the device)");
    add("none", {"-a", "com.synthetic.action.NOBODY_DECLARES_THIS"}, "no candidate");
    return probes;
}

}  // namespace

// ---------------------------------------------------------------------------------------------

SyntheticDevice generateSyntheticDevice(const SyntheticOptions& options) {
    Random random(options.seed);
    SyntheticDevice device;
    device.name =
        "synthetic-" + std::to_string(options.packages) + "-seed" + std::to_string(options.seed);
    std::vector<GenPackage> packages;
    packages.reserve(options.packages);
    for (size_t i = 0; i < options.packages; ++i) {
        // Every device has one system launcher, browser and Settings (FallbackHome); about one
        // app in 2,000 is another launcher or browser, so HOME and web intents keep few candidates.
        Role role = Role::App;
        if (i == 0) {
            role = Role::SystemLauncher;
        } else if (i == 1) {
            role = Role::SystemBrowser;
        } else if (i == 2) {
            role = Role::Settings;
        } else if (random.chance(1.0 / 2000)) {
            role = Role::Launcher;
        } else if (random.chance(1.0 / 2000)) {
            role = Role::Browser;
        }
        packages.push_back(generatePackage(random, i, role));
    }
    for (const GenPackage& package : packages) {
        SyntheticPackage out;
        out.packageName = package.name;
        out.manifestPath = package.name + "/AndroidManifest.xml";
        out.manifestXml = renderManifest(package);
        out.system = package.system;
        out.privileged = package.privileged;
        out.filterCount = package.filterCount;
        device.filterCount += package.filterCount;
        device.packages.push_back(std::move(out));
    }
    if (!packages.empty()) device.probes = makeProbes(packages, random);
    return device;
}

std::string SyntheticDevice::deviceJson() const {
    Json json;
    json["name"] = name;
    json["description"] = "synthetic device for benchmarks: " + std::to_string(packages.size()) +
                          " packages, " + std::to_string(filterCount) +
                          " intent filters (hearth gen-device)";
    json["api"] = 34;
    Json list = Json::array();
    for (const SyntheticPackage& package : packages) {
        Json entry;
        entry["manifest"] = package.manifestPath;
        if (package.system) entry["system"] = true;
        if (package.privileged) entry["privileged"] = true;
        list.push_back(std::move(entry));
    }
    json["packages"] = std::move(list);
    return json.dump(2) + "\n";
}

std::string SyntheticDevice::probesText() const {
    std::string out;
    for (const SyntheticProbe& probe : probes) {
        out += probe.name;
        out += '\t';
        for (size_t i = 0; i < probe.args.size(); ++i) {
            if (i > 0) out += ' ';
            out += probe.args[i];
        }
        out += '\n';
    }
    return out;
}

namespace {

Result<void> writeFile(const std::filesystem::path& path, std::string_view text) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (out) out.write(text.data(), static_cast<std::streamsize>(text.size()));
    if (!out) {
        return makeError("cannot write '" + path.string() +
                         "': " + std::error_code(errno, std::generic_category()).message());
    }
    return ok();
}

}  // namespace

Result<void> writeSyntheticDevice(const SyntheticDevice& device, const std::filesystem::path& dir) {
    std::error_code error;
    std::filesystem::create_directories(dir, error);
    if (error) return makeError("cannot write '" + dir.string() + "': " + error.message());
    for (const SyntheticPackage& package : device.packages) {
        const std::filesystem::path file = dir / package.manifestPath;
        std::filesystem::create_directories(file.parent_path(), error);
        if (error) {
            return makeError("cannot write '" + file.parent_path().string() +
                             "': " + error.message());
        }
        if (Result<void> written = writeFile(file, package.manifestXml); !written) return written;
    }
    if (Result<void> written = writeFile(dir / "device.json", device.deviceJson()); !written) {
        return written;
    }
    return writeFile(dir / "probes.txt", device.probesText());
}

void generateFilterMatchCases(size_t count, uint64_t seed,
                              const std::function<void(std::string_view line)>& sink) {
    Random random(seed);
    // Launcher and HOME filters join the archetypes with their corpus weights (83 and 16 of 603).
    std::array<unsigned, kArchetypeWeights.size() + 2> weights{};
    std::copy(kArchetypeWeights.begin(), kArchetypeWeights.end(), weights.begin());
    weights[kArchetypeWeights.size()] = 83;
    weights[kArchetypeWeights.size() + 1] = 16;
    for (size_t i = 0; i < count; ++i) {
        const GenPackage package = makePackage(random, random.below(100000));
        const size_t drawn = random.weighted(weights);
        GenFilter filter = drawn == kArchetypeWeights.size() ? launcherFilter()
                           : drawn == kArchetypeWeights.size() + 1
                               ? homeFilter()
                               : makeFilter(static_cast<Archetype>(drawn), package, random);
        GenIntent intent = matchingIntent(filter, random);
        if (random.chance(0.5)) mutate(intent, random);
        Json line;
        line["id"] = "gen-" + std::to_string(i + 1);
        line["filter"] = filterJson(filter);
        line["intent"] = intentJson(intent);
        sink(line.dump());
    }
}

}  // namespace hearth
