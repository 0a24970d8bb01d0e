#pragma once
// Private: Android's binary XML (AXML), the form aapt compiles AndroidManifest.xml into. Reads the
// RES_XML chunk, its string pool (UTF-8 or UTF-16), the resource-id map, namespaces and
// start/end elements with typed attribute values into a flat element list. Hostile input gets one
// error naming the byte offset; every size is checked before it is used and what may be
// allocated is capped (hearth/limits.h: depth, element count, pool sizes; plus the cap below).

#include <hearth/result.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "res_chunk.h"

namespace hearth::axml {

/// Sum of the lengths of every string that elements and attributes refer to (each reference
/// counted, so that copying them all into a model stays bounded).
inline constexpr size_t kMaxReferencedBytes = 64u << 20;

/// One attribute as compiled: names as written in the string pool, plus the resource id that
/// Android actually matches on (so renamed or obfuscated names still mean the same attribute).
struct Attribute {
    std::string_view namespaceUri;        ///< "" when the attribute has no namespace
    std::string_view name;                ///< as stored (may be empty or obfuscated)
    uint32_t resourceId = 0;              ///< from the resource map; 0 when none
    std::optional<std::string_view> raw;  ///< the raw string value, when aapt kept one
    res::TypedValue typed;                ///< the compiled value
    std::string_view string;              ///< typed.type == kString: the string it names
    size_t offset = 0;                    ///< byte offset of the attribute record
};

/// One element; children are indices into Document::elements (document order).
struct Element {
    std::string_view namespaceUri;
    std::string_view name;
    std::vector<Attribute> attributes;
    std::vector<size_t> children;
    size_t parent = kNoParent;
    size_t depth = 0;
    uint32_t lineNumber = 0;  ///< the source line aapt recorded
    size_t offset = 0;        ///< byte offset of the start-element chunk

    static constexpr size_t kNoParent = static_cast<size_t>(-1);
};

/// A parsed document: elements[0] is the root; an element's index + 1 is its position in
/// document order (what Hearth reports as the "line" of an APK element).
struct Document {
    std::vector<Element> elements;
    std::vector<std::pair<std::string_view, std::string_view>> namespaces;  ///< prefix, uri
    /// Owns the decoded strings the views above point into.
    std::shared_ptr<const res::StringPool> strings;
};

/// Whether `bytes` are text XML: '<' after an optional byte-order mark and white space, or a
/// UTF-16 byte-order mark.
bool looksLikeTextXml(std::string_view bytes);

/// Parses AXML bytes. Errors read "<what>, at byte offset N" (the caller names the file).
[[nodiscard]] Result<Document> parse(std::string_view bytes);

}  // namespace hearth::axml
