#include <hearth/home.h>
#include <hearth/limits.h>
#include <hearth/simulate.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <system_error>

#include "file_read.h"
#include "json_contract.h"
#include "text.h"

namespace hearth {
namespace {

// A loop guard: Provision and FallbackHome each finish once, so a healthy device settles on its
// home within a few starts; anything more means the model found a cycle.
constexpr int kMaxHomeStarts = 6;

struct StepSyntax {
    const char* word;
    SimulationStep::Kind kind;
    size_t minArgs;
    size_t maxArgs;  // SIZE_MAX: any
    const char* usage;
};

constexpr size_t kAny = static_cast<size_t>(-1);

const std::vector<StepSyntax>& stepSyntax() {
    using K = SimulationStep::Kind;
    static const std::vector<StepSyntax> table = {
        {"boot", K::Boot, 0, 1, "boot [locked|unlocked]"},
        {"reboot", K::Reboot, 0, 1, "reboot [locked|unlocked]"},
        {"press-home", K::PressHome, 0, 0, "press-home"},
        {"choose", K::Choose, 2, 2, "choose COMPONENT always|once"},
        {"install", K::Install, 1, 1, "install PATH"},
        {"uninstall", K::Uninstall, 1, 1, "uninstall PACKAGE"},
        {"disable", K::Disable, 1, 1, "disable COMPONENT"},
        {"enable", K::Enable, 1, 1, "enable COMPONENT"},
        {"unlock", K::Unlock, 0, 0, "unlock"},
        {"finish-setup", K::FinishSetup, 0, 0, "finish-setup"},
        {"patch", K::Patch, 1, 1, "patch home-first|stock"},
        {"patch-site", K::PatchSite, 1, kAny, "patch-site SITE..."},
        {"expect", K::ExpectScreen, 1, kAny,
         "expect COMPONENT|chooser|nothing|screen|no-home|home-ignored|setup-complete"},
    };
    return table;
}

struct ExpectSyntax {
    const char* word;
    SimulationStep::Kind kind;
    size_t minArgs;
    size_t maxArgs;
    const char* usage;
};

const std::vector<ExpectSyntax>& expectSyntax() {
    using K = SimulationStep::Kind;
    static const std::vector<ExpectSyntax> table = {
        {"screen", K::ExpectScreen, 1, 1, "expect screen COMPONENT"},
        {"chooser", K::ExpectChooser, 1, kAny, "expect chooser COMPONENT..."},
        {"no-home", K::ExpectNoHome, 0, 0, "expect no-home"},
        {"home-ignored", K::ExpectHomeIgnored, 0, 0, "expect home-ignored"},
        {"setup-complete", K::ExpectSetupComplete, 0, 0, "expect setup-complete"},
    };
    return table;
}

std::vector<ScriptToken> tokenize(std::string_view line, const std::string& sourceName,
                                  int lineNumber) {
    std::vector<ScriptToken> tokens;
    size_t i = 0;
    while (i < line.size()) {
        while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) ++i;
        if (i >= line.size() || line[i] == '#') break;
        size_t start = i;
        while (i < line.size() && line[i] != ' ' && line[i] != '\t' && line[i] != '\r') ++i;
        tokens.push_back({std::string(line.substr(start, i - start)),
                          SourceLocation{sourceName, lineNumber, static_cast<int>(start) + 1}});
    }
    return tokens;
}

Result<void> checkArity(const ScriptToken& keyword, const std::vector<ScriptToken>& args,
                        size_t minArgs, size_t maxArgs, const char* usage) {
    if (args.size() < minArgs) {
        return makeError(keyword.where, "step '" + keyword.text + "' expects '" + usage +
                                            "', got " + std::to_string(args.size()) +
                                            (args.size() == 1 ? " argument" : " arguments"));
    }
    if (maxArgs != kAny && args.size() > maxArgs) {
        return makeError(args[maxArgs].where, "step '" + keyword.text + "' expects '" + usage +
                                                  "', got extra '" + args[maxArgs].text + "'");
    }
    return ok();
}

Result<ComponentName> parseComponentArg(const ScriptToken& token) {
    std::optional<ComponentName> name = ComponentName::unflatten(token.text);
    if (!name) {
        return makeError(token.where,
                         "expected a component like 'com.example/.Home', got '" + token.text + "'");
    }
    return *name;
}

Result<void> checkArgs(const SimulationStep& step) {
    using K = SimulationStep::Kind;
    switch (step.kind) {
        case K::Boot:
        case K::Reboot:
            if (!step.args.empty() && step.args[0].text != "locked" &&
                step.args[0].text != "unlocked") {
                return makeError(step.args[0].where, "expected 'locked' or 'unlocked', got '" +
                                                         step.args[0].text + "'");
            }
            return ok();
        case K::Choose: {
            auto component = parseComponentArg(step.args[0]);
            if (!component) return component.error();
            if (step.args[1].text != "always" && step.args[1].text != "once") {
                return makeError(step.args[1].where,
                                 "expected 'always' or 'once', got '" + step.args[1].text + "'");
            }
            return ok();
        }
        case K::Disable:
        case K::Enable:
        case K::ExpectScreen: {
            auto component = parseComponentArg(step.args[0]);
            if (!component) return component.error();
            return ok();
        }
        case K::ExpectChooser:
            for (const ScriptToken& arg : step.args) {
                auto component = parseComponentArg(arg);
                if (!component) return component.error();
            }
            return ok();
        case K::Patch:
            if (step.args[0].text != "home-first" && step.args[0].text != "stock") {
                return makeError(step.args[0].where, "expected 'home-first' or 'stock', got '" +
                                                         step.args[0].text + "'");
            }
            return ok();
        case K::PatchSite:
            for (const ScriptToken& arg : step.args) {
                if (auto checked = checkHomeSite(arg.text); !checked) {
                    return makeError(arg.where, checked.error().message);
                }
            }
            return ok();
        default:
            return ok();
    }
}

size_t requiredArguments(SimulationStep::Kind kind) {
    using K = SimulationStep::Kind;
    switch (kind) {
        case K::Choose:
            return 2;
        case K::Install:
        case K::Uninstall:
        case K::Disable:
        case K::Enable:
        case K::Patch:
        case K::PatchSite:
        case K::ExpectScreen:
        case K::ExpectChooser:
            return 1;
        default:
            return 0;
    }
}

Result<SimulationStep> parseStep(std::vector<ScriptToken> tokens, std::string text) {
    SimulationStep step;
    step.text = std::move(text);
    step.keyword = tokens.front();
    const StepSyntax* syntax = nullptr;
    for (const StepSyntax& candidate : stepSyntax()) {
        if (step.keyword.text == candidate.word) syntax = &candidate;
    }
    if (syntax == nullptr) {
        return makeError(step.keyword.where,
                         "unknown step '" + step.keyword.text +
                             "': expected one of boot, reboot, press-home, choose, install, "
                             "uninstall, disable, enable, unlock, finish-setup, patch, "
                             "patch-site, expect");
    }
    std::vector<ScriptToken> args(tokens.begin() + 1, tokens.end());
    if (auto arity =
            checkArity(step.keyword, args, syntax->minArgs, syntax->maxArgs, syntax->usage);
        !arity) {
        return arity.error();
    }
    step.kind = syntax->kind;
    if (step.keyword.text == "expect") {
        // The answer words of `hearth check` (check.h) read the same here: a bare component is
        // the screen, 'nothing' is no home, 'chooser A B' the chooser.
        if (args.front().text == "nothing") {
            args.front().text = "no-home";
        } else if (args.front().text.find('/') != std::string::npos) {
            if (args.size() > 1) {
                return makeError(args[1].where, "the screen shows one activity: write one "
                                                "component, or 'chooser' before several");
            }
            args.insert(args.begin(), ScriptToken{"screen", args.front().where});
        }
        const ScriptToken what = args.front();
        const ExpectSyntax* expectation = nullptr;
        for (const ExpectSyntax& candidate : expectSyntax()) {
            if (what.text == candidate.word) expectation = &candidate;
        }
        if (expectation == nullptr) {
            return makeError(what.where, "unknown expectation '" + what.text +
                                             "': expected a component, chooser, nothing, "
                                             "screen, no-home, home-ignored or setup-complete");
        }
        args.erase(args.begin());
        ScriptToken keyword = what;
        keyword.text = "expect " + what.text;
        if (auto arity = checkArity(keyword, args, expectation->minArgs, expectation->maxArgs,
                                    expectation->usage);
            !arity) {
            return arity.error();
        }
        step.kind = expectation->kind;
        step.keyword = keyword;  // failures point at the expectation word
    }
    step.args = std::move(args);
    if (auto valid = checkArgs(step); !valid) return valid.error();
    return step;
}

using text::hex;
using text::joinComponents;
using text::shortCategory;

bool sameMembers(std::vector<ComponentName> a, std::vector<ComponentName> b) {
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    return a == b;
}

}  // namespace

Result<SimulationScript> parseSimulationScript(std::string_view text, const std::string& sourceName,
                                               const std::filesystem::path& baseDir) {
    SimulationScript script;
    script.sourceName = sourceName;
    script.baseDir = baseDir;
    if (text.size() > limits::kMaxScriptBytes) {
        return makeError(SourceLocation{sourceName, 0, 0},
                         "the script is longer than " + std::to_string(limits::kMaxScriptBytes) +
                             " bytes, the most Hearth reads");
    }
    int lineNumber = 0;
    size_t pos = 0;
    while (pos <= text.size()) {
        size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(pos, end - pos);
        ++lineNumber;
        std::vector<ScriptToken> tokens = tokenize(line, sourceName, lineNumber);
        if (!tokens.empty()) {
            size_t comment = line.find('#');
            std::string stepText(text::trim(line.substr(0, comment)));
            if (script.steps.size() == limits::kMaxScriptSteps) {
                return makeError(tokens.front().where, "the script has more than " +
                                                           std::to_string(limits::kMaxScriptSteps) +
                                                           " steps, the most Hearth runs");
            }
            auto step = parseStep(std::move(tokens), std::move(stepText));
            if (!step) return step.error();
            script.steps.push_back(std::move(*step));
        }
        if (end == text.size()) break;
        pos = end + 1;
    }
    return script;
}

Result<SimulationScript> loadSimulationScript(const std::filesystem::path& path) {
    if (Result<void> regular = detail::checkRegularFile(path); !regular) return regular.error();
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return makeError(SourceLocation{path.string(), 0, 0},
                         "cannot read: " + text::lowerFirst(std::strerror(errno)));
    }
    // One byte past the cap tells parseSimulationScript that the script is too long.
    std::string text(limits::kMaxScriptBytes + 1, '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<size_t>(in.gcount()));
    return parseSimulationScript(text, path.string(), path.parent_path());
}

const char* screenKindName(Screen::Kind kind) {
    switch (kind) {
        case Screen::Kind::Off:
            return "off";
        case Screen::Kind::Activity:
            return "activity";
        case Screen::Kind::Chooser:
            return "chooser";
        case Screen::Kind::NoHome:
            return "no-home";
    }
    return "off";
}

std::string Screen::describe() const {
    switch (kind) {
        case Kind::Off:
            return "off";
        case Kind::Activity:
            return activity ? activity->flattenToShortString() : "?";
        case Kind::Chooser:
            return "chooser: " + joinComponents(chooser);
        case Kind::NoHome:
            return "no home (blank screen)";
    }
    return "off";
}

Simulator::Simulator(Device device)
    : m_own(std::move(device)),
      m_device(&*m_own),
      m_patch(m_own->patch),
      m_initialUnlocked(m_own->userUnlocked) {}

Simulator::Simulator(const Device& device, const PackageIndex& index, FrameworkPatch patch)
    : m_device(&device),
      m_borrowedIndex(&index),
      m_patch(std::move(patch)),
      m_initialUnlocked(device.userUnlocked) {}

Simulator::~Simulator() = default;

const PackageIndex& Simulator::index() {
    if (m_borrowedIndex != nullptr) return *m_borrowedIndex;
    if (!m_index) m_index = std::make_unique<PackageIndex>(*m_device);
    return *m_index;
}

Device& Simulator::edit() {
    if (!m_own) {
        m_own.emplace(*m_device);
        m_device = &*m_own;
        m_borrowedIndex = nullptr;
    }
    return *m_own;
}

void Simulator::changed() { m_index.reset(); }

void Simulator::applyPreferredChanges(const std::vector<PreferredChange>& changes) {
    if (changes.empty()) return;
    // Android rewrites a demoted or shrunk entry by removing it and adding the new one, so it
    // moves to the end of the table (which matters for the order P-8 scans in).
    std::vector<size_t> removals;
    std::vector<PreferredActivity> rewritten;
    for (const PreferredChange& change : changes) {
        if (change.index >= m_device->preferred.size()) continue;
        removals.push_back(change.index);
        PreferredActivity entry = m_device->preferred[change.index];
        switch (change.kind) {
            case PreferredChange::Kind::Remove:
                continue;
            case PreferredChange::Kind::DemoteToLastChosen:
                entry.always = false;
                break;
            case PreferredChange::Kind::ShrinkSet:
                entry.set = change.newSet;
                break;
        }
        rewritten.push_back(std::move(entry));
    }
    std::sort(removals.rbegin(), removals.rend());
    removals.erase(std::unique(removals.begin(), removals.end()), removals.end());
    std::vector<PreferredActivity>& preferred = edit().preferred;
    for (size_t i : removals) preferred.erase(preferred.begin() + i);
    for (PreferredActivity& entry : rewritten) preferred.push_back(std::move(entry));
    changed();
}

// Shows `component` as home and plays out what Provision and FallbackHome do when they are
// started as home. Returns true when the activity finished and home must be started again.
bool Simulator::showHome(const ComponentName& component, std::string_view how, StepReport& report) {
    m_screen = Screen{Screen::Kind::Activity, component, {}};
    m_chooser.reset();
    report.events.push_back("home: " + component.flattenToShortString() + " " + std::string(how));
    return homeFinishes(component, report);
}

bool Simulator::homeFinishes(const ComponentName& component, StepReport& report) {
    if (isSetupHome(*m_device, component)) {
        edit().userSetupComplete = true;
        if (InstalledPackage* package = edit().findPackage(component.packageName)) {
            package->disabledComponents.insert(component.className);
            package->enabledComponents.erase(component.className);
        }
        changed();
        report.events.push_back(component.flattenToShortString() +
                                " sets DEVICE_PROVISIONED=1 and USER_SETUP_COMPLETE=1, disables "
                                "itself and finishes (H-12)");
        return true;
    }
    if (isFallbackHome(*m_device, component)) {
        if (!m_device->userUnlocked) {
            report.events.push_back(component.flattenToShortString() +
                                    " waits for the user to unlock storage (H-11)");
            return false;
        }
        // FallbackHome asks the package manager itself, with no flags, and leaves as soon as the
        // answer is not its own package (H-11).
        Intent intent;
        intent.action = names::kActionMain;
        intent.categories = {names::kCategoryHome};
        const ResolveResult result = index().resolveActivity(intent, 0);
        if (result.chosen && result.chosen->component.packageName == component.packageName) {
            report.events.push_back(component.flattenToShortString() +
                                    " keeps waiting: MAIN+HOME still resolves to its own "
                                    "package (H-11)");
            return false;
        }
        report.events.push_back(component.flattenToShortString() +
                                " sees storage unlocked and another home, and finishes (H-11)");
        return true;
    }
    return false;
}

void Simulator::startHome(std::string_view site, StepReport& report) {
    std::string current(site);
    for (int start = 0; start < kMaxHomeStarts; ++start) {
        const HomeSiteReport home = analyzeHomeSite(*m_device, index(), current, m_patch);
        applyPreferredChanges(home.preferredChanges);
        const std::string intent = "MAIN + " + shortCategory(home.category);
        switch (home.outcome) {
            case HomeOutcome::Refused:
                m_lastHomeIgnored = true;
                report.homeIgnored = true;
                report.events.push_back("HOME key ignored: setup in progress (" +
                                        text::citeRule(home.rule, home.reason) + ")");
                return;
            case HomeOutcome::NotPresent:
                report.events.push_back(home.reason);
                return;
            case HomeOutcome::None:
                m_screen = Screen{Screen::Kind::NoHome, std::nullopt, {}};
                m_chooser.reset();
                report.events.push_back("no home: " + home.reason);
                return;
            case HomeOutcome::Chooser:
                m_screen = Screen{Screen::Kind::Chooser, std::nullopt, home.chooser};
                m_chooser = ChooserContext{home.intent, home.chooserSet, home.chooserBestMatch};
                report.events.push_back("chooser for " + intent + " (" +
                                        text::citeRule(home.rule, home.reason) + ")");
                return;
            case HomeOutcome::Activity: {
                const std::string how =
                    "(" + intent + ", " + text::citeRule(home.rule, home.reason) + ")";
                if (!showHome(*home.component, how, report)) return;
                // Nothing is left to resume: the system starts home again (H-4).
                current = home_site::kBoot;
                break;
            }
        }
    }
    report.events.push_back("home keeps restarting: stopped after " +
                            std::to_string(kMaxHomeStarts) + " starts");
}

void Simulator::restartHomeIfGone(StepReport& report) {
    if (!m_running) return;
    auto gone = [&](const ComponentName& component) {
        const InstalledPackage* package = m_device->findPackage(component.packageName);
        if (package == nullptr) return true;
        const Component* info = package->manifest.findComponent(component.className);
        return info == nullptr || !package->isComponentEnabled(*info);
    };
    if (m_screen.kind == Screen::Kind::Activity && m_screen.activity && gone(*m_screen.activity)) {
        report.events.push_back(m_screen.activity->flattenToShortString() +
                                " is gone; nothing is left to resume, so the system starts home "
                                "(H-4)");
        startHome(home_site::kBoot, report);
        return;
    }
    if (m_screen.kind == Screen::Kind::Chooser &&
        std::any_of(m_screen.chooser.begin(), m_screen.chooser.end(), gone)) {
        report.events.push_back("the chooser's list changed; it is rebuilt");
        startHome(home_site::kBoot, report);
    }
}

Result<void> Simulator::applyBoot(const SimulationStep& step, StepReport& report) {
    const bool reboot = step.kind == SimulationStep::Kind::Reboot;
    if (!reboot && m_running) {
        return makeError(step.keyword.where, "the device is already running: use 'reboot'");
    }
    std::optional<bool> unlocked;
    if (!step.args.empty()) unlocked = step.args[0].text == "unlocked";
    if (unlocked == false && m_device->isLegacy()) {
        return makeError(step.args[0].where,
                         "'locked' needs file-based encryption (Android 7+); this device is "
                         "Android API " +
                             std::to_string(m_device->apiLevel));
    }
    // A reboot brings storage back to the device's own state: locked for a device with a
    // credential (userUnlocked false in device.json), unless the step says otherwise.
    const bool unlockedNow =
        unlocked.value_or(reboot ? m_initialUnlocked : m_device->userUnlocked);
    if (unlockedNow != m_device->userUnlocked) {
        edit().userUnlocked = unlockedNow;
        changed();
    }
    m_running = true;
    m_screen = Screen{};
    m_chooser.reset();
    if (!m_device->isLegacy()) {
        report.events.push_back(
            std::string(m_device->userUnlocked ? "storage unlocked"
                                               : "storage locked (direct boot)") +
            (m_device->userSetupComplete ? ", user setup complete" : ", user setup in progress"));
    }
    startHome(home_site::kBoot, report);
    return ok();
}

Result<void> Simulator::applyChoose(const SimulationStep& step, StepReport& report) {
    if (m_screen.kind != Screen::Kind::Chooser || !m_chooser) {
        return makeError(step.keyword.where, "no chooser on screen to choose from (screen: " +
                                                 m_screen.describe() + ")");
    }
    const ComponentName component = *ComponentName::unflatten(step.args[0].text);
    if (std::find(m_screen.chooser.begin(), m_screen.chooser.end(), component) ==
        m_screen.chooser.end()) {
        return makeError(step.args[0].where, "'" + step.args[0].text +
                                                 "' is not in the chooser: it lists " +
                                                 joinComponents(m_screen.chooser));
    }
    const bool always = step.args[1].text == "always";
    const ChooserContext context = *m_chooser;
    // P-4: the preferred filter comes from the intent (action, categories) plus DEFAULT.
    IntentFilter filter;
    if (context.intent.action) filter.actions.push_back(*context.intent.action);
    filter.categories = context.intent.categories;
    if (!filter.hasDefault()) filter.categories.push_back(names::kCategoryDefault);
    const std::string filterText =
        "MAIN + " +
        shortCategory(context.intent.categories.empty() ? std::string()
                                                        : context.intent.categories.front()) +
        " + DEFAULT";
    if (always || !m_device->isLegacy()) {
        PreferredActivity entry;
        entry.filter = filter;
        entry.component = component;
        entry.always = always;
        if (always) {
            entry.set = context.set;  // P-5
            entry.match = context.bestMatch;
        }
        // addUniquePreferredActivity: an identical filter replaces the older entry of its kind.
        std::vector<PreferredActivity>& preferred = edit().preferred;
        std::erase_if(preferred, [&](const PreferredActivity& existing) {
            return existing.filter == filter && existing.always == always;
        });
        preferred.push_back(std::move(entry));
        changed();
        if (always) {
            report.events.push_back("\"Always\": preferred " + component.flattenToShortString() +
                                    " recorded for " + filterText + ", match " +
                                    hex(context.bestMatch) + ", set of " +
                                    std::to_string(context.set.size()) + " (" +
                                    joinComponents(context.set) + ") (P-4, P-5)");
            if (!m_device->isLegacy() && filter.hasCategory(names::kCategoryHome)) {
                report.events.push_back("ROLE_HOME holder is now '" + component.packageName +
                                        "' (H-10)");
            }
        } else {
            report.events.push_back("\"Just once\": " + component.flattenToShortString() +
                                    " remembered as last chosen, only pre-selected next time "
                                    "(P-5)");
        }
    } else {
        report.events.push_back("\"Just once\": nothing is recorded");
    }
    // The ResolverActivity starts the pick with the home intent, so it is the home activity.
    if (showHome(component, "(picked in the chooser)", report)) {
        startHome(home_site::kBoot, report);
    }
    return ok();
}

Result<void> Simulator::install(const SimulationStep& step, const std::filesystem::path& baseDir,
                                StepReport& report) {
    const std::filesystem::path path = baseDir / step.args[0].text;
    auto manifest = loadManifest(path);
    if (!manifest) {
        return makeError(step.args[0].where, "cannot install '" + step.args[0].text +
                                                 "': " + manifest.error().toString());
    }
    const std::string packageName = manifest->packageName;
    InstalledPackage* existing = nullptr;
    for (InstalledPackage& package : edit().packages) {
        if (package.packageName() == packageName) existing = &package;
    }
    if (existing != nullptr) {
        const bool wasRemoved = existing->removed;
        existing->manifest = std::move(*manifest);
        existing->removed = false;
        if (existing->system && !wasRemoved) existing->updatedSystemApp = true;
        report.events.push_back(std::string(wasRemoved ? "installed " : "updated ") + packageName);
    } else {
        InstalledPackage package;
        package.manifest = std::move(*manifest);
        edit().packages.push_back(std::move(package));
        report.events.push_back("installed " + packageName + " (not a system app)");
    }
    changed();
    restartHomeIfGone(report);
    return ok();
}

Result<void> Simulator::setComponentState(const SimulationStep& step, bool enable,
                                          StepReport& report) {
    const ComponentName component = *ComponentName::unflatten(step.args[0].text);
    const InstalledPackage* found = m_device->findPackage(component.packageName);
    if (found == nullptr || found->manifest.findComponent(component.className) == nullptr) {
        return makeError(step.args[0].where,
                         "no component '" + step.args[0].text + "' on the device");
    }
    InstalledPackage* package = edit().findPackage(component.packageName);
    if (enable) {
        package->disabledComponents.erase(component.className);
        package->enabledComponents.insert(component.className);
    } else {
        package->enabledComponents.erase(component.className);
        package->disabledComponents.insert(component.className);
    }
    changed();
    report.events.push_back(component.flattenToShortString() + (enable ? " enabled" : " disabled"));
    restartHomeIfGone(report);
    return ok();
}

Result<void> Simulator::expect(const SimulationStep& step, StepReport& report) {
    using K = SimulationStep::Kind;
    const SourceLocation& where = step.keyword.where;
    report.expectation = true;
    switch (step.kind) {
        case K::ExpectScreen: {
            const ComponentName wanted = *ComponentName::unflatten(step.args[0].text);
            if (m_screen.kind != Screen::Kind::Activity || m_screen.activity != wanted) {
                return makeError(where, "expected screen '" + wanted.flattenToShortString() +
                                            "', got '" + m_screen.describe() + "'");
            }
            return ok();
        }
        case K::ExpectChooser: {
            std::vector<ComponentName> wanted;
            for (const ScriptToken& arg : step.args)
                wanted.push_back(*ComponentName::unflatten(arg.text));
            if (m_screen.kind != Screen::Kind::Chooser || !sameMembers(wanted, m_screen.chooser)) {
                return makeError(where, "expected chooser: " + joinComponents(wanted) + ", got '" +
                                            m_screen.describe() + "'");
            }
            return ok();
        }
        case K::ExpectNoHome:
            if (m_screen.kind != Screen::Kind::NoHome) {
                return makeError(where, "expected no home, got '" + m_screen.describe() + "'");
            }
            return ok();
        case K::ExpectHomeIgnored:
            if (!m_lastHomeIgnored) {
                return makeError(where,
                                 "expected the last HOME press to be ignored, but it was "
                                 "not (screen: " +
                                     m_screen.describe() + ")");
            }
            return ok();
        case K::ExpectSetupComplete:
            if (!m_device->userSetupComplete) {
                return makeError(where,
                                 "expected user setup to be complete, but it is in "
                                 "progress");
            }
            return ok();
        default:
            return ok();
    }
}

namespace {

// A step as parseStep builds it from a script line, for the typed entry points.
SimulationStep typedStep(SimulationStep::Kind kind, const std::string& keyword,
                         const std::vector<std::string>& args) {
    SimulationStep step;
    step.kind = kind;
    step.keyword = ScriptToken{keyword, {}};
    step.text = keyword;
    for (const std::string& arg : args) {
        step.args.push_back(ScriptToken{arg, {}});
        step.text += " " + arg;
    }
    return step;
}

}  // namespace

Result<StepReport> Simulator::boot() {
    return apply(typedStep(SimulationStep::Kind::Boot, "boot", {}), {});
}

Result<StepReport> Simulator::pressHome() {
    return apply(typedStep(SimulationStep::Kind::PressHome, "press-home", {}), {});
}

Result<StepReport> Simulator::choose(const ComponentName& component, bool always) {
    return apply(typedStep(SimulationStep::Kind::Choose, "choose",
                           {component.flattenToShortString(), always ? "always" : "once"}),
                 {});
}

Result<StepReport> Simulator::apply(const SimulationStep& step,
                                    const std::filesystem::path& baseDir) {
    using K = SimulationStep::Kind;
    // Steps built by hand (the GUI) get the same checks as parsed ones.
    if (step.args.size() < requiredArguments(step.kind)) {
        return makeError(step.keyword.where,
                         "step '" + step.keyword.text + "' needs " +
                             std::to_string(requiredArguments(step.kind)) +
                             (requiredArguments(step.kind) == 1 ? " argument" : " arguments") +
                             ", got " + std::to_string(step.args.size()));
    }
    if (auto valid = checkArgs(step); !valid) return valid.error();
    StepReport report;
    report.step = step;
    Result<void> done = ok();
    switch (step.kind) {
        case K::Boot:
        case K::Reboot:
            done = applyBoot(step, report);
            break;
        case K::PressHome:
            if (!m_running) {
                done = makeError(step.keyword.where, "press-home before 'boot': the device is off");
                break;
            }
            m_lastHomeIgnored = false;
            startHome(home_site::kHomeKey, report);
            break;
        case K::Choose:
            done = applyChoose(step, report);
            break;
        case K::Install:
            done = install(step, baseDir, report);
            break;
        case K::Uninstall: {
            InstalledPackage* package = m_device->findPackage(step.args[0].text) != nullptr
                                            ? edit().findPackage(step.args[0].text)
                                            : nullptr;
            if (package == nullptr) {
                done = makeError(step.args[0].where,
                                 "no installed package '" + step.args[0].text + "'");
                break;
            }
            package->removed = true;
            changed();
            report.events.push_back("uninstalled " + step.args[0].text +
                                    (package->system ? " (removed from the system image)" : ""));
            restartHomeIfGone(report);
            break;
        }
        case K::Disable:
        case K::Enable:
            done = setComponentState(step, step.kind == K::Enable, report);
            break;
        case K::Unlock: {
            const bool wasLocked = !m_device->userUnlocked;
            if (wasLocked) {
                edit().userUnlocked = true;
                changed();
            }
            report.events.push_back(wasLocked ? "storage unlocked"
                                              : "storage was already unlocked");
            if (wasLocked && m_screen.kind == Screen::Kind::Activity && m_screen.activity &&
                isFallbackHome(*m_device, *m_screen.activity)) {
                if (homeFinishes(*m_screen.activity, report)) {
                    startHome(home_site::kBoot, report);
                }
            }
            break;
        }
        case K::FinishSetup:
            if (!m_device->userSetupComplete) edit().userSetupComplete = true;
            report.events.push_back("USER_SETUP_COMPLETE=1, DEVICE_PROVISIONED=1");
            break;
        case K::Patch:
            m_patch = step.args[0].text == "stock" ? FrameworkPatch{} : fullHomeFirstPatch();
            report.events.push_back("framework: " + describePatch(m_patch));
            break;
        case K::PatchSite:
            for (const ScriptToken& site : step.args)
                m_patch.homeFirstSites.insert(site.text);
            report.events.push_back("framework: " + describePatch(m_patch));
            break;
        default:
            done = expect(step, report);
            break;
    }
    if (!done) return done.error();
    report.screen = m_screen;
    return report;
}

SimulationResult runSimulation(Device device, const SimulationScript& script) {
    SimulationResult result;
    result.deviceName = device.name;
    result.inferred = device.inferred;
    result.apiLevel = device.apiLevel;
    result.legacy = device.isLegacy();
    result.scriptName = script.sourceName;
    Simulator simulator(std::move(device));
    for (const SimulationStep& step : script.steps) {
        auto report = simulator.apply(step, script.baseDir);
        if (!report) {
            result.failure = report.error();
            break;
        }
        if (report->expectation) ++result.expectationsMet;
        result.steps.push_back(std::move(*report));
    }
    return result;
}

std::string renderSimulationText(const SimulationResult& result) {
    std::ostringstream out;
    out << "Simulating " << (result.deviceName.empty() ? "device" : result.deviceName)
        << " (Android API " << result.apiLevel << ", "
        << (result.legacy ? "legacy 2.x framework" : "modern framework") << ")\n";
    if (!result.inferred.empty()) out << "Inferred: " << result.inferred << "\n";
    for (const StepReport& step : result.steps) {
        out << "\n" << step.step.keyword.where.line << ": " << step.step.text << "\n";
        for (const std::string& event : step.events) out << "    " << event << "\n";
        if (step.expectation) {
            out << "    ok\n";
        } else {
            out << "    screen: " << step.screen.describe() << "\n";
        }
    }
    out << "\n";
    if (result.failure) {
        out << "stopped at " << result.failure->where.line << ": " << result.failure->message
            << "\n";
    } else {
        out << "ok: " << result.steps.size() << (result.steps.size() == 1 ? " step" : " steps")
            << ", " << result.expectationsMet
            << (result.expectationsMet == 1 ? " expectation" : " expectations") << " met\n";
    }
    return out.str();
}

std::string renderSimulationJson(const SimulationResult& result) {
    using Json = nlohmann::ordered_json;
    Json j = json_contract::answerHeader(result.deviceName, result.apiLevel);
    if (!result.inferred.empty()) j["inferred"] = result.inferred;
    j["generation"] = result.legacy ? "legacy" : "modern";
    j["script"] = result.scriptName;
    Json steps = Json::array();
    for (const StepReport& step : result.steps) {
        Json s;
        s["line"] = step.step.keyword.where.line;
        s["step"] = step.step.text;
        s["events"] = step.events;
        Json screen;
        screen["kind"] = screenKindName(step.screen.kind);
        screen["component"] = step.screen.activity
                                  ? Json(step.screen.activity->flattenToShortString())
                                  : Json(nullptr);
        Json chooser = Json::array();
        for (const ComponentName& c : step.screen.chooser)
            chooser.push_back(c.flattenToShortString());
        screen["chooser"] = std::move(chooser);
        s["screen"] = std::move(screen);
        s["homeIgnored"] = step.homeIgnored;
        if (step.expectation) s["expectation"] = "met";
        steps.push_back(std::move(s));
    }
    j["steps"] = std::move(steps);
    j["ok"] = !result.failure.has_value();
    j["error"] = result.failure ? Json(result.failure->toString()) : Json(nullptr);
    // Script and manifest text may hold bytes that are not UTF-8 (an install path, a class
    // name): replace them rather than let nlohmann throw out of the renderer.
    return j.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace hearth
