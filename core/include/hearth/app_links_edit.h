#pragma once
// Edits of a device's App Links state as the shell and Settings make them (android-modern.md
// W-30, W-51): `pm set-app-links` (a domain's verification state, W-21), the user's host
// selections ("Add link", `pm set-app-links-user-selection`, W-22) and "Open supported links"
// (`pm set-app-links-allowed`). Each keeps the state one that device.json loads back unchanged:
// states only for autoVerify domains, selections only for web domains (W-20), and a verified host
// taken from every selection (W-30). Pure: no I/O.

#include <hearth/device.h>
#include <hearth/result.h>

#include <functional>
#include <string>

namespace hearth {

/// Sets the W-21 state of one of the package's autoVerify domains (`pm set-app-links --package P
/// STATE DOMAIN`); none (0) removes the entry. Making it verified or approved removes the host
/// from every package's selections unless the package's link handling is off (W-30). Returns
/// whether anything changed; fails when the package is not installed or the domain is not one of
/// its autoVerify domains (W-20).
[[nodiscard]] Result<bool> setDomainState(Device& device, const std::string& packageName,
                                          const std::string& domain, int state);

/// Selects or deselects one of the package's web domains for the user (W-22), as Settings' "Add
/// link" does on API 31+: selecting first removes every other package's selection of the host
/// (W-30). Returns whether anything changed; fails when the package is not installed, the host is
/// not one of its web domains (W-20), or, when selecting, another package has the host in a verified
/// state (ERROR_UNABLE_TO_APPROVE, W-30: the verification wins).
[[nodiscard]] Result<bool> setHostSelected(Device& device, const std::string& packageName,
                                           const std::string& host, bool selected);

/// Turns "Open supported links" on or off for a listed package (`pm set-app-links-allowed
/// --package P true|false`, W-22). Turned on, on API 31+, the package's verified and approved
/// hosts leave every package's selections (W-30), as revokeSupersededSelections leaves them when
/// device.json is loaded with the flag already on. Returns whether anything changed; fails when
/// the device lists no such package.
[[nodiscard]] Result<bool> setLinkHandlingAllowed(Device& device, const std::string& packageName,
                                                  bool allowed);

/// Called for each selection revokeSupersededSelections removes: the package that lost it, the
/// host, and the package that has the host verified or approved.
using RevokedSelection =
    std::function<void(const InstalledPackage& selector, const std::string& host,
                       const InstalledPackage& owner, int state)>;

/// W-30 as a device state must hold it (API 31+; nothing before): every host `owner` has
/// verified or approved is in no package's user selections, unless owner is removed or its link
/// handling is off. Removes such selections, telling `revoked` about each. One rule for the
/// device.json loader (for every package) and the edits above.
void revokeSupersededSelections(Device& device, const InstalledPackage& owner,
                                const RevokedSelection& revoked = {});

}  // namespace hearth
