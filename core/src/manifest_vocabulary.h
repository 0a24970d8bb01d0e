#pragma once
// The manifest's vocabulary (manifest_vocabulary.cpp): which android: attributes each element
// takes, which other children Android knows, and aapt's spelling of integers and booleans. The
// parser warns about anything else: usually a typo or an attribute on the wrong element.

#include <hearth/manifest.h>

#include <optional>
#include <string_view>
#include <unordered_set>

namespace hearth::detail {

using NameSet = std::unordered_set<std::string_view>;

inline constexpr std::string_view kAndroidNamespace = "http://schemas.android.com/apk/res/android";
inline constexpr std::string_view kToolsNamespace = "http://schemas.android.com/tools";

/// The android: attributes Android reads on <manifest>.
const NameSet& manifestAttributes();
/// The android: attributes Android reads on <uses-sdk>.
const NameSet& usesSdkAttributes();
/// The android: attributes Android reads on <application>.
const NameSet& applicationAttributes();
/// The android: attributes Android reads on <activity>.
const NameSet& activityAttributes();
/// The android: attributes Android reads on <activity-alias>.
const NameSet& activityAliasAttributes();
/// The android: attributes Android reads on <service>.
const NameSet& serviceAttributes();
/// The android: attributes Android reads on <receiver>.
const NameSet& receiverAttributes();
/// The android: attributes Android reads on <provider>.
const NameSet& providerAttributes();
/// The android: attributes Android reads on <intent-filter>.
const NameSet& intentFilterAttributes();
/// The android: attributes Android reads on <uses-permission>.
const NameSet& usesPermissionAttributes();
/// The android: attributes Android reads on a <queries> <provider>.
const NameSet& queriesProviderAttributes();
/// The android: attributes Android reads on <action>, <category> and a <queries> <package>.
const NameSet& nameOnlyAttributes();
/// The android: attributes Android reads on <data>.
const NameSet& dataAttributes();
/// Children of <manifest> that Android knows but Hearth does not model (no warning).
const NameSet& otherManifestChildren();
/// Children of <application> that Android knows but Hearth does not model (no warning).
const NameSet& otherApplicationChildren();
/// Children of a component that Android knows but Hearth does not model (no warning).
const NameSet& otherComponentChildren();
/// Children of an <intent-filter> that Android knows but Hearth does not model (no warning).
const NameSet& otherFilterChildren();
/// The android: attributes a component element of this kind takes.
const NameSet& attributesFor(ComponentKind kind);

/// aapt's integer syntax: optional sign, decimal or 0x hex (read as a 32-bit pattern),
/// surrounding white space allowed; nullopt otherwise.
std::optional<int> parseAaptInteger(std::string_view text);
/// aapt's boolean spellings (true/TRUE/True, false/FALSE/False, white space around); nullopt
/// otherwise.
std::optional<bool> parseAaptBool(std::string_view text);

}  // namespace hearth::detail
