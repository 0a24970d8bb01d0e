#pragma once
// IntentFilter.readFromXml (intent_filter_xml.cpp): a <filter> as IntentFilter.writeToXml writes
// it, in packages.xml's preferred activities (device_state) and in `dumpsys package
// preferred-xml` (adb_readers) alike.

#include <hearth/intent_filter.h>
#include <hearth/source_location.h>

#include <functional>
#include <pugixml.hpp>
#include <string>

namespace hearth::detail {

/// Where a node of the document is, for messages.
using XmlNodeLocator = std::function<SourceLocation(const pugi::xml_node&)>;
/// Called with a part of the filter that is left out and why: a pattern PatternMatcher refuses
/// ("<path> ..."), a MIME group Hearth does not model.
using FilterXmlProblem = std::function<void(const pugi::xml_node&, const std::string&)>;

/// The filter's action, cat, type ("image" means "image/*"), scheme, auth (port -1 or none: any
/// port), ssp and path children. A <path>/<ssp> takes its first pattern attribute in Android's
/// order: literal, prefix, sglob, aglob, suffix.
IntentFilter readFilterXml(const pugi::xml_node& filterNode, const XmlNodeLocator& where,
                           const FilterXmlProblem& problem);

}  // namespace hearth::detail
