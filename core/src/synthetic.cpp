// Synthetic device generation. The mix of filters follows the measurement of the real manifests in
// ../shared/corpus (scripts/measure-corpus; the table and how each figure maps to a weight below
// are in docs/synthetic-devices.md). Output depends only on the options: every draw goes through
// Random (synthetic_model.h), which uses std::mt19937_64 (its sequence is fixed by the standard) and distributions
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

#include "synthetic_model.h"

namespace hearth {
namespace {

using namespace synthetic;
using Json = nlohmann::ordered_json;

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
        sink(toJsonLine(filterCase(filter, intent), "\"gen-" + std::to_string(i + 1) + "\""));
    }
}

}  // namespace hearth
