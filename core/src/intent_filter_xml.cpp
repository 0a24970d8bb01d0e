// IntentFilter.readFromXml over pugixml (intent_filter_xml.h).

#include "intent_filter_xml.h"

#include <charconv>
#include <string_view>
#include <system_error>
#include <utility>

namespace hearth::detail {

IntentFilter readFilterXml(const pugi::xml_node& filterNode, const XmlNodeLocator& where,
                           const FilterXmlProblem& problem) {
    IntentFilter filter;
    filter.where = where(filterNode);
    static const std::pair<const char*, PatternKind> kKinds[] = {
        {"literal", PatternKind::Literal},   {"prefix", PatternKind::Prefix},
        {"sglob", PatternKind::SimpleGlob},  {"aglob", PatternKind::AdvancedGlob},
        {"suffix", PatternKind::Suffix}};
    const auto pattern = [&](const pugi::xml_node& node, std::vector<PatternMatcher>& into) {
        for (const auto& [attribute, kind] : kKinds) {
            if (!node.attribute(attribute)) continue;
            Result<PatternMatcher> matcher =
                PatternMatcher::create(kind, node.attribute(attribute).value());
            if (!matcher) {
                problem(node, "<" + std::string(node.name()) + "> " + matcher.error().message);
                return;
            }
            into.push_back(std::move(matcher).value());
            return;
        }
    };
    for (const pugi::xml_node& child : filterNode.children()) {
        const std::string_view tag = child.name();
        const std::string name = child.attribute("name").value();
        if (tag == "action") {
            filter.actions.push_back(name);
        } else if (tag == "cat") {
            filter.categories.push_back(name);
        } else if (tag == "type") {
            // Partial types are written as "image" and mean "image/*".
            filter.types.push_back(name.find('/') == std::string::npos ? name + "/*" : name);
        } else if (tag == "scheme") {
            filter.schemes.push_back(name);
        } else if (tag == "auth") {
            FilterAuthority authority;
            authority.host = child.attribute("host").value();
            const std::string_view port = child.attribute("port").value();
            int value = -1;
            const auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
            // AuthorityEntry keeps -1 for "no port": any port matches.
            if (ec == std::errc() && end == port.data() + port.size() && value >= 0) {
                authority.port = value;
            }
            authority.where = where(child);
            filter.authorities.push_back(std::move(authority));
        } else if (tag == "ssp") {
            pattern(child, filter.ssps);
        } else if (tag == "path") {
            pattern(child, filter.paths);
        } else if (tag == "staticType" || tag == "group") {
            problem(child, "<" + std::string(tag) + "> (a MIME group) is not modelled");
        }
    }
    return filter;
}

}  // namespace hearth::detail
