#pragma once
// Did-you-mean for an intent (issue 15): the action, categories, scheme or MIME type that no
// filter on the device declares, each with the declared or Android-defined name it probably
// meant. A typo ("android.intent.action.VEIW", "-a VIEW", "-c BROWSABLE") otherwise answers only
// "No activity found".

#include <string>
#include <vector>

#include <hearth/device.h>
#include <hearth/intent.h>

namespace hearth {

/// One sentence per term of `intent` that no filter of an installed package declares, e.g. "no
/// filter declares action 'android.intent.action.VEIW'; did you mean
/// 'android.intent.action.VIEW'?" or, for a short form, "no filter declares action 'VIEW'; did
/// you mean 'android.intent.action.VIEW'?". A type counts as declared when a declared type takes
/// it ("image/*" takes "image/png"). Empty when every term is declared somewhere.
std::vector<std::string> undeclaredIntentTerms(const Device& device, const Intent& intent);

}  // namespace hearth
