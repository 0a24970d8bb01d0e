#include <hearth/intent_hints.h>

#include <hearth/intent_filter.h>
#include <hearth/suggest.h>

#include <algorithm>
#include <set>
#include <string_view>

namespace hearth {
namespace {

// Every action, category, scheme and type the device's filters declare, as sorted sets: the
// candidates a misspelt term is compared with, and the test of whether it is declared at all.
struct DeclaredTerms {
    std::set<std::string, std::less<>> actions;
    std::set<std::string, std::less<>> categories;
    std::set<std::string, std::less<>> schemes;
    std::set<std::string, std::less<>> types;
};

DeclaredTerms collectDeclaredTerms(const Device& device) {
    DeclaredTerms terms;
    for (const InstalledPackage& package : device.packages) {
        if (package.removed) continue;
        for (const Component& component : package.manifest.components) {
            for (const IntentFilter& filter : component.filters) {
                terms.actions.insert(filter.actions.begin(), filter.actions.end());
                terms.categories.insert(filter.categories.begin(), filter.categories.end());
                terms.schemes.insert(filter.schemes.begin(), filter.schemes.end());
                terms.types.insert(filter.types.begin(), filter.types.end());
            }
        }
    }
    return terms;
}

// The name `term` probably meant among the declared ones and Android's own: for a short form
// ("VIEW") the name whose last segment it is, else the nearest at most two edits away.
std::optional<std::string> meantName(std::string_view term,
                                     const std::set<std::string, std::less<>>& declared,
                                     std::span<const std::string_view> wellKnown) {
    std::vector<std::string_view> candidates(declared.begin(), declared.end());
    for (std::string_view name : wellKnown) {
        if (!declared.contains(name)) candidates.push_back(name);
    }
    if (term.find('.') == std::string_view::npos) {
        // A short form: the name whose last segment it is, or else one edit from ("VEIW").
        std::vector<std::string_view> lastSegments;
        std::vector<std::string_view> fullNames;  // fullNames[i] ends in lastSegments[i]
        for (std::string_view candidate : candidates) {
            const size_t dot = candidate.rfind('.');
            if (dot == std::string_view::npos) continue;
            if (candidate.substr(dot + 1) == term) return std::string(candidate);
            lastSegments.push_back(candidate.substr(dot + 1));
            fullNames.push_back(candidate);
        }
        if (auto near = nearestName(term, lastSegments, 1)) {
            // nearestName answers with one of the views it was given: the same position names
            // the full name.
            for (size_t i = 0; i < lastSegments.size(); ++i) {
                if (lastSegments[i].data() == near->data()) return std::string(fullNames[i]);
            }
        }
    }
    if (auto near = nearestName(term, candidates, 2)) return std::string(*near);
    return std::nullopt;
}

std::string sentence(const char* what, std::string_view term,
                     const std::optional<std::string>& meant) {
    std::string out = std::string("no filter declares ") + what + " '" + std::string(term) + "'";
    if (meant) out += "; did you mean '" + *meant + "'?";
    return out;
}

}  // namespace

std::vector<std::string> undeclaredIntentTerms(const Device& device, const Intent& intent) {
    const DeclaredTerms terms = collectDeclaredTerms(device);
    std::vector<std::string> out;
    if (intent.action && !terms.actions.contains(*intent.action)) {
        out.push_back(sentence("action", *intent.action,
                               meantName(*intent.action, terms.actions, wellKnownActions())));
    }
    for (const std::string& category : intent.categories) {
        if (terms.categories.contains(category)) continue;
        out.push_back(sentence("category", category,
                               meantName(category, terms.categories, wellKnownCategories())));
    }
    const std::optional<std::string>& scheme = intent.scheme();
    if (scheme && !terms.schemes.contains(*scheme)) {
        out.push_back(sentence("scheme", *scheme, meantName(*scheme, terms.schemes, {})));
    }
    if (intent.type) {
        const std::vector<std::string> declared(terms.types.begin(), terms.types.end());
        if (declared.empty() || !filterTypeMatches(declared, *intent.type)) {
            out.push_back(sentence("MIME type", *intent.type, meantName(*intent.type, terms.types, {})));
        }
    }
    return out;
}

}  // namespace hearth
