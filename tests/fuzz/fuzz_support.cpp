#include "fuzz_support.h"

#include "../support/binary_writers.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <optional>
#include <sstream>

namespace hearth::fuzz {

void fail(const char* check, const std::string& detail) {
    std::fprintf(stderr, "FUZZ CHECK FAILED: %s\n%s\n", check, detail.c_str());
    std::fflush(stderr);
    std::abort();
}

std::size_t countLines(std::string_view text) {
    std::size_t lines = 1;
    for (char c : text) lines += c == '\n';
    return lines;
}

void checkError(const Error& error, std::size_t lineCount) {
    const std::string text = error.toString();
    FUZZ_CHECK(!error.message.empty(), "empty error message: '" + text + "'");
    FUZZ_CHECK(error.message.back() != '\n', "error message ends in a newline: '" + text + "'");
    FUZZ_CHECK(error.where.line >= 0 && error.where.column >= 0, "negative location: " + text);
    if (lineCount > 0) {
        FUZZ_CHECK(
            static_cast<std::size_t>(error.where.line) <= lineCount,
            "error line beyond the input's " + std::to_string(lineCount) + " lines: " + text);
    }
}

namespace {

std::string optionalText(const std::optional<std::string>& value) {
    return value ? "'" + *value + "'" : "-";
}

std::string locationText(const SourceLocation& where) {
    return where.file + ":" + std::to_string(where.line) + ":" + std::to_string(where.column);
}

void describeFilter(std::ostringstream& out, const IntentFilter& filter, bool withLocations) {
    out << "    filter priority=" << filter.priority << " order=" << filter.order
        << " autoVerify=" << filter.autoVerify;
    if (withLocations) out << " at " << locationText(filter.where);
    out << "\n";
    for (const auto& action : filter.actions) out << "      action '" << action << "'\n";
    for (const auto& category : filter.categories) out << "      category '" << category << "'\n";
    for (const auto& type : filter.types) out << "      type '" << type << "'\n";
    for (const auto& scheme : filter.schemes) out << "      scheme '" << scheme << "'\n";
    for (const auto& ssp : filter.ssps)
        out << "      ssp " << patternKindName(ssp.kind()) << " '" << ssp.pattern() << "'\n";
    for (const auto& authority : filter.authorities) {
        out << "      authority '" << authority.host
            << "' port=" << (authority.port ? std::to_string(*authority.port) : "-") << "\n";
    }
    for (const auto& path : filter.paths)
        out << "      path " << patternKindName(path.kind()) << " '" << path.pattern() << "'\n";
    for (const auto& group : filter.mimeGroups) out << "      mimeGroup '" << group << "'\n";
}

}  // namespace

std::string describe(const Manifest& manifest, bool withLocations) {
    std::ostringstream out;
    out << "package '" << manifest.packageName
        << "' minSdk=" << (manifest.minSdk ? std::to_string(*manifest.minSdk) : "-")
        << " targetSdk=" << (manifest.targetSdk ? std::to_string(*manifest.targetSdk) : "-")
        << "\n";
    const Application& app = manifest.application;
    out << "application label=" << optionalText(app.label) << " icon=" << optionalText(app.icon)
        << " enabled=" << app.enabled << " process=" << optionalText(app.process)
        << " directBootAware=" << app.directBootAware << "\n";
    for (const Component& component : manifest.components) {
        out << "  " << componentKindName(component.kind) << " '" << component.name
            << "' label=" << optionalText(component.label) << " enabled=" << component.enabled
            << " exported=" << component.exported << " explicit=" << component.exportedExplicit
            << " permission=" << optionalText(component.permission)
            << " process=" << optionalText(component.process)
            << " directBootAware=" << component.directBootAware
            << " excludeFromRecents=" << component.excludeFromRecents << " launchMode='"
            << component.launchMode << "' target='" << component.targetActivity
            << "' authorities='" << component.authorities << "'";
        if (withLocations) out << " at " << locationText(component.where);
        out << "\n";
        for (const IntentFilter& filter : component.filters)
            describeFilter(out, filter, withLocations);
    }
    if (withLocations) {
        out << "at " << locationText(manifest.where) << " file '" << manifest.file << "'\n";
        for (const Diagnostic& diagnostic : manifest.diagnostics)
            out << diagnostic.toString() << "\n";
    }
    return out.str();
}

// ---- manifest model to AXML ------------------------------------------------------------------

namespace {

// Resource ids of the android:attr/* the manifest uses (framework public.xml; the API 30-31
// attributes come from those releases' public.xml, the rest from framework-res 10).
std::uint32_t androidAttributeId(std::string_view name) {
    static const std::map<std::string_view, std::uint32_t> ids = {
        {"label", 0x01010001},
        {"icon", 0x01010002},
        {"name", 0x01010003},
        {"permission", 0x01010006},
        {"enabled", 0x0101000e},
        {"exported", 0x01010010},
        {"process", 0x01010011},
        {"excludeFromRecents", 0x01010017},
        {"authorities", 0x01010018},
        {"priority", 0x0101001c},
        {"launchMode", 0x0101001d},
        {"mimeType", 0x01010026},
        {"scheme", 0x01010027},
        {"host", 0x01010028},
        {"port", 0x01010029},
        {"path", 0x0101002a},
        {"pathPrefix", 0x0101002b},
        {"pathPattern", 0x0101002c},
        {"order", 0x010101ea},
        {"targetActivity", 0x01010202},
        {"minSdkVersion", 0x0101020c},
        {"targetSdkVersion", 0x01010270},
        {"ssp", 0x010103e3},
        {"sspPrefix", 0x010103e4},
        {"sspPattern", 0x010103e5},
        {"autoVerify", 0x010104ee},
        {"directBootAware", 0x01010505},
        {"mimeGroup", 0x01010615},
        {"pathSuffix", 0x0101061e},
        {"sspSuffix", 0x0101061f},
        {"pathAdvancedPattern", 0x01010620},
        {"sspAdvancedPattern", 0x01010621},
    };
    const auto it = ids.find(name);
    return it == ids.end() ? 0 : it->second;
}

// launchMode's enum values in attrs.xml.
std::optional<std::uint32_t> launchModeValue(std::string_view mode) {
    static const std::map<std::string_view, std::uint32_t> values = {{"standard", 0},
                                                                     {"singleTop", 1},
                                                                     {"singleTask", 2},
                                                                     {"singleInstance", 3},
                                                                     {"singleInstancePerTask", 4}};
    const auto it = values.find(mode);
    if (it == values.end()) return std::nullopt;
    return it->second;
}

const char* patternAttribute(PatternKind kind, bool ssp) {
    switch (kind) {
        case PatternKind::Literal:
            return ssp ? "ssp" : "path";
        case PatternKind::Prefix:
            return ssp ? "sspPrefix" : "pathPrefix";
        case PatternKind::SimpleGlob:
            return ssp ? "sspPattern" : "pathPattern";
        case PatternKind::AdvancedGlob:
            return ssp ? "sspAdvancedPattern" : "pathAdvancedPattern";
        case PatternKind::Suffix:
            return ssp ? "sspSuffix" : "pathSuffix";
    }
    return "path";
}

using testing::AxmlAttribute;
using testing::AxmlWriter;

// android:<name> attributes with the ids aapt gives them, and the value types aapt writes.
AxmlAttribute stringAttr(const std::string& name, const std::string& value) {
    return testing::androidString(name, androidAttributeId(name), value);
}

AxmlAttribute intAttr(const std::string& name, std::int32_t value) {
    return testing::androidTyped(name, androidAttributeId(name), testing::value::kIntDec,
                                 static_cast<std::uint32_t>(value));
}

AxmlAttribute boolAttr(const std::string& name, bool value) {
    // aapt writes true as all ones.
    return testing::androidTyped(name, androidAttributeId(name), testing::value::kBoolean,
                                 value ? 0xFFFFFFFFu : 0);
}

// aapt sorts an element's attributes by resource id; unmapped ones follow.
std::vector<AxmlAttribute> inIdOrder(std::vector<AxmlAttribute> attributes) {
    std::stable_sort(attributes.begin(), attributes.end(),
                     [](const AxmlAttribute& a, const AxmlAttribute& b) {
                         const auto key = [](const AxmlAttribute& x) {
                             return x.resourceId == 0 ? 0xFFFFFFFFu : x.resourceId;
                         };
                         return key(a) < key(b);
                     });
    return attributes;
}

}  // namespace

std::string encodeManifestAxml(const Manifest& manifest, bool utf8Pool) {
    AxmlWriter writer;
    writer.utf8 = utf8Pool;
    const auto start = [&writer](const std::string& name, std::vector<AxmlAttribute> attributes) {
        writer.start(name, inIdOrder(std::move(attributes)));
    };
    writer.startNamespace("android", testing::kAndroidUri);
    start("manifest", {testing::plainString("package", manifest.packageName)});
    if (manifest.minSdk || manifest.targetSdk) {
        std::vector<AxmlAttribute> sdk;
        if (manifest.minSdk) sdk.push_back(intAttr("minSdkVersion", *manifest.minSdk));
        if (manifest.targetSdk) sdk.push_back(intAttr("targetSdkVersion", *manifest.targetSdk));
        start("uses-sdk", sdk);
        writer.end("uses-sdk");
    }
    const Application& app = manifest.application;
    std::vector<AxmlAttribute> appAttributes{boolAttr("enabled", app.enabled),
                                             boolAttr("directBootAware", app.directBootAware)};
    if (app.label) appAttributes.push_back(stringAttr("label", *app.label));
    if (app.icon) appAttributes.push_back(stringAttr("icon", *app.icon));
    if (app.process) appAttributes.push_back(stringAttr("process", *app.process));
    start("application", appAttributes);
    for (const Component& component : manifest.components) {
        std::vector<AxmlAttribute> attributes{
            stringAttr("name", component.name),
            boolAttr("enabled", component.enabled),
            boolAttr("directBootAware", component.directBootAware),
        };
        if (component.kind == ComponentKind::Activity ||
            component.kind == ComponentKind::ActivityAlias)
            attributes.push_back(boolAttr("excludeFromRecents", component.excludeFromRecents));
        if (component.exportedExplicit)
            attributes.push_back(boolAttr("exported", component.exported));
        if (component.label) attributes.push_back(stringAttr("label", *component.label));
        if (component.permission)
            attributes.push_back(stringAttr("permission", *component.permission));
        if (component.process) attributes.push_back(stringAttr("process", *component.process));
        if (component.kind == ComponentKind::ActivityAlias)
            attributes.push_back(stringAttr("targetActivity", component.targetActivity));
        if (component.kind == ComponentKind::Provider)
            attributes.push_back(stringAttr("authorities", component.authorities));
        if (component.kind == ComponentKind::Activity) {
            if (auto mode = launchModeValue(component.launchMode)) {
                attributes.push_back(intAttr("launchMode", static_cast<std::int32_t>(*mode)));
            }
        }
        const std::string kind = componentKindName(component.kind);
        start(kind, attributes);
        for (const IntentFilter& filter : component.filters) {
            std::vector<AxmlAttribute> filterAttributes;
            if (filter.priority != 0)
                filterAttributes.push_back(intAttr("priority", filter.priority));
            if (filter.order != 0) filterAttributes.push_back(intAttr("order", filter.order));
            if (filter.autoVerify) filterAttributes.push_back(boolAttr("autoVerify", true));
            start("intent-filter", filterAttributes);
            const auto leaf = [&writer](const char* element, AxmlAttribute attribute) {
                writer.leaf(element, {std::move(attribute)});
            };
            for (const auto& action : filter.actions) leaf("action", stringAttr("name", action));
            for (const auto& category : filter.categories)
                leaf("category", stringAttr("name", category));
            for (const auto& type : filter.types) leaf("data", stringAttr("mimeType", type));
            for (const auto& group : filter.mimeGroups)
                leaf("data", stringAttr("mimeGroup", group));
            for (const auto& scheme : filter.schemes) leaf("data", stringAttr("scheme", scheme));
            for (const auto& ssp : filter.ssps)
                leaf("data", stringAttr(patternAttribute(ssp.kind(), true), ssp.pattern()));
            for (const auto& authority : filter.authorities) {
                std::vector<AxmlAttribute> hostPort{stringAttr("host", authority.host)};
                if (authority.port)
                    hostPort.push_back(stringAttr("port", std::to_string(*authority.port)));
                writer.leaf("data", inIdOrder(std::move(hostPort)));
            }
            for (const auto& path : filter.paths)
                leaf("data", stringAttr(patternAttribute(path.kind(), false), path.pattern()));
            writer.end("intent-filter");
        }
        writer.end(kind);
    }
    writer.end("application");
    writer.end("manifest");
    writer.endNamespace("android", testing::kAndroidUri);
    return writer.bytes();
}

bool isValidUtf8(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        std::size_t extra = 0;
        std::uint32_t cp = 0;
        if (c < 0x80) {
            ++i;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            extra = 1;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            extra = 2;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            extra = 3;
            cp = c & 0x07;
        } else {
            return false;
        }
        if (i + extra >= text.size()) return false;
        for (std::size_t k = 1; k <= extra; ++k) {
            const auto next = static_cast<unsigned char>(text[i + k]);
            if ((next & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (next & 0x3F);
        }
        const std::uint32_t minimum[] = {0, 0x80, 0x800, 0x10000};
        if (cp < minimum[extra] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
        i += 1 + extra;
    }
    return true;
}

}  // namespace hearth::fuzz
