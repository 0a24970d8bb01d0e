// The differential run over every real APK in ../shared/realworld/apks (issue 13): what Hearth
// reads from each APK must be what Debian's aapt (`aapt dump xmltree`, Android's own ResXMLTree
// and libziparchive) shows, read with Android's package-parsing rules: the components under the
// first <application> of a <manifest> root, in document order, each named by the attribute with
// resource id 0x01010003 and expanded against the package; each component's intent filters with
// their actions (a filter without any is dropped, as Android drops it); android:enabled and android:exported where they are literal booleans. Where the
// two differ, the difference must be Android's own behaviour, and the test says which below.

#include <gtest/gtest.h>
#include <hearth/manifest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <regex>
#include <string>
#include <vector>

#include "apk_fixtures.h"

using namespace hearth;
namespace fs = std::filesystem;

namespace {

// One element of aapt's tree: name, attributes by resource id (or by name when there is none),
// children.
struct AaptElement {
    std::string name;
    std::map<std::string, std::string> attributes;  // "0x01010003" or "package" -> value text
    std::vector<std::unique_ptr<AaptElement>> children;
};

struct AaptDump {
    bool ok = false;     // aapt printed a tree
    std::string error;   // aapt's complaint otherwise
    std::unique_ptr<AaptElement> root;
};

std::string run(const std::string& command, int& status) {
    std::string out;
    FILE* pipe = popen(command.c_str(), "r");
    if (pipe == nullptr) return out;
    char buffer[65536];
    for (size_t got; (got = fread(buffer, 1, sizeof buffer, pipe)) > 0;) out.append(buffer, got);
    status = pclose(pipe);
    return out;
}

// A value as aapt prints it: "text" (Raw: "...") -> text; (type 0x12)0xffffffff -> "true"/"false"
// for booleans, "0x..." otherwise; @0x7f010000 stays as it is.
std::string valueOf(const std::string& printed) {
    static const std::regex quoted(R"re(^"(.*)" \(Raw: .*$)re");
    static const std::regex quotedOnly(R"re(^"(.*)"$)re");
    static const std::regex typed(R"(^\(type (0x[0-9a-f]+)\)(0x[0-9a-f]+)$)");
    std::smatch match;
    if (std::regex_match(printed, match, quoted) || std::regex_match(printed, match, quotedOnly))
        return match[1];
    if (std::regex_match(printed, match, typed)) {
        if (match[1] == "0x12") return match[2] == "0x0" ? "false" : "true";
        return match[2];
    }
    return printed;
}

AaptDump aaptDump(const fs::path& apk) {
    int status = 0;
    const std::string out =
        run("aapt dump xmltree '" + apk.string() + "' AndroidManifest.xml 2>&1", status);
    AaptDump dump;
    static const std::regex element(R"(^( *)E: (\S+) \(line=\d+\)$)");
    static const std::regex namespaceLine(R"(^( *)N: .*$)");
    static const std::regex attribute(R"(^( *)A: ([^=(]+)(?:\((0x[0-9a-f]+)\))?=(.*)$)");
    std::vector<std::pair<size_t, AaptElement*>> open;  // indent, element
    std::istringstream lines(out);
    for (std::string line; std::getline(lines, line);) {
        std::smatch match;
        // aapt indents what follows a namespace line (N:) one more level: that level is kept on
        // the stack with no element, so the element's parent is the nearest element below it.
        if (std::regex_match(line, match, namespaceLine)) {
            const size_t indent = match[1].length();
            while (!open.empty() && open.back().first >= indent) open.pop_back();
            open.emplace_back(indent, nullptr);
        } else if (std::regex_match(line, match, element)) {
            const size_t indent = match[1].length();
            while (!open.empty() && open.back().first >= indent) open.pop_back();
            auto created = std::make_unique<AaptElement>();
            created->name = match[2];
            AaptElement* raw = created.get();
            AaptElement* parent = nullptr;
            for (auto it = open.rbegin(); it != open.rend() && parent == nullptr; ++it)
                parent = it->second;
            if (parent == nullptr) {
                if (dump.root) continue;  // a second root: aapt shows it, Android never reads it
                dump.root = std::move(created);
            } else {
                parent->children.push_back(std::move(created));
            }
            open.emplace_back(indent, raw);
        } else if (std::regex_match(line, match, attribute) && !open.empty() &&
                   open.back().second != nullptr) {
            const std::string key = match[3].matched ? std::string(match[3]) : std::string(match[2]);
            open.back().second->attributes.emplace(key, valueOf(match[4]));
        } else if (line.rfind("ERROR", 0) == 0 || line.find("dump failed") != std::string::npos) {
            dump.error += line + "\n";
        }
    }
    dump.ok = dump.root != nullptr && dump.error.empty();
    if (!dump.ok && dump.error.empty()) dump.error = out.substr(0, 300);
    return dump;
}

// What Android's package parser takes from aapt's tree (the rules in the file comment).
struct Expected {
    std::vector<std::string> components;  // "activity com.x.Main" in document order
    std::vector<std::vector<std::vector<std::string>>> actions;  // per component, per filter
    std::vector<std::optional<bool>> enabled, exported;          // literal booleans only
};

std::string expand(const std::string& package, const std::string& name) {
    if (!name.empty() && name[0] == '.') return package + name;
    if (name.find('.') == std::string::npos) return package + "." + name;
    return name;
}

std::optional<bool> literal(const AaptElement& element, const char* id) {
    const auto found = element.attributes.find(id);
    if (found == element.attributes.end()) return std::nullopt;
    if (found->second == "true") return true;
    if (found->second == "false") return false;
    return std::nullopt;
}

Expected expectedFrom(const AaptElement& manifest) {
    Expected expected;
    const std::string package =
        manifest.attributes.count("package") ? manifest.attributes.at("package") : "";
    const AaptElement* application = nullptr;
    for (const auto& child : manifest.children) {
        if (child->name == "application") {
            application = child.get();
            break;
        }
    }
    if (application == nullptr) return expected;
    for (const auto& child : application->children) {
        const std::string& kind = child->name;
        if (kind != "activity" && kind != "activity-alias" && kind != "service" &&
            kind != "receiver" && kind != "provider") {
            continue;
        }
        const auto name = child->attributes.find("0x01010003");
        expected.components.push_back(
            kind + " " + (name == child->attributes.end() ? "" : expand(package, name->second)));
        std::vector<std::vector<std::string>> filters;
        for (const auto& filter : child->children) {
            if (filter->name != "intent-filter") continue;
            std::vector<std::string> actions;
            for (const auto& action : filter->children) {
                const auto actionName = action->attributes.find("0x01010003");
                if (action->name == "action" && actionName != action->attributes.end())
                    actions.push_back(actionName->second);
            }
            // Android drops a filter without actions ("No actions in intent filter").
            if (!actions.empty()) filters.push_back(actions);
        }
        expected.actions.push_back(filters);
        expected.enabled.push_back(literal(*child, "0x0101000e"));
        expected.exported.push_back(literal(*child, "0x01010010"));
    }
    return expected;
}

// APKs Hearth reads differently from aapt, each because Android does.
const std::map<std::string, std::string>& androidsOwnBehaviour() {
    static const std::map<std::string, std::string> differences = {
        // String #49 (a <meta-data> value) has its length but no zero terminator. ResStringPool
        // rejects it on one read path ("Bad string block: string #49 is not null-terminated",
        // aapt's Raw column) and reads it by its length on the typed-value path; Hearth refuses
        // the string. Open: read it by its length too (notes/apk.md).
        {"axml-ag-AndroidManifest_StringNotTerminated.apk",
         "unterminated pool string read by length on Android's typed path"},
    };
    return differences;
}

std::vector<fs::path> realWorldApks() {
    std::vector<fs::path> apks;
    std::error_code ec;
    for (const auto& entry :
         fs::directory_iterator(fs::path(HEARTH_SHARED_DIR) / "realworld" / "apks", ec)) {
        if (entry.path().extension() == ".apk") apks.push_back(entry.path());
    }
    std::sort(apks.begin(), apks.end());
    return apks;
}

}  // namespace

TEST(ApkRealWorld, EveryRealApkReadsAsAaptShowsItUnderAndroidsParsingRules) {
    if (!hearth::testing::findAapt()) GTEST_SKIP() << "aapt is not installed";
    const std::vector<fs::path> apks = realWorldApks();
    if (apks.empty()) GTEST_SKIP() << "no real-world APKs under HEARTH_SHARED_DIR";
    size_t compared = 0, bothRefuse = 0, explained = 0;
    for (const fs::path& apk : apks) {
        const std::string file = apk.filename().string();
        SCOPED_TRACE(file);
        const AaptDump aapt = aaptDump(apk);
        const Result<Manifest> hearth = loadManifest(apk);
        const auto why = androidsOwnBehaviour().find(file);
        if (why != androidsOwnBehaviour().end()) {
            ++explained;
            continue;
        }
        if (!aapt.ok) {
            EXPECT_FALSE(hearth) << "aapt refuses it (" << aapt.error << ") but Hearth reads it";
            ++bothRefuse;
            continue;
        }
        if (aapt.root->name != "manifest") {
            // Android refuses a package whose manifest root is not <manifest>.
            ASSERT_FALSE(hearth);
            EXPECT_NE(hearth.error().message.find("the root element must be <manifest>"),
                      std::string::npos)
                << hearth.error().toString();
            ++bothRefuse;
            continue;
        }
        ASSERT_TRUE(hearth) << hearth.error().toString();
        const Expected expected = expectedFrom(*aapt.root);
        std::vector<std::string> components;
        for (const Component& component : hearth->components)
            components.push_back(std::string(componentKindName(component.kind)) + " " +
                                 component.name);
        ASSERT_EQ(components, expected.components);
        for (size_t i = 0; i < components.size(); ++i) {
            const Component& component = hearth->components[i];
            std::vector<std::vector<std::string>> actions;
            for (const IntentFilter& filter : component.filters) actions.push_back(filter.actions);
            EXPECT_EQ(actions, expected.actions[i]) << components[i];
            if (expected.enabled[i]) {
                EXPECT_EQ(component.enabled, *expected.enabled[i]) << components[i];
            }
            if (expected.exported[i]) {
                EXPECT_EQ(component.exported, *expected.exported[i]) << components[i];
            }
        }
        ++compared;
    }
    std::printf("real-world APKs: %zu compared, %zu refused by both, %zu explained differences\n",
                compared, bothRefuse, explained);
    EXPECT_EQ(compared + bothRefuse + explained, apks.size());
}
