#include "axml_parser.h"

#include <hearth/limits.h>

namespace hearth::axml {
namespace {

using res::errorAt;
using res::readU16;
using res::readU32;

constexpr uint16_t kNodeHeaderSize = 16;  // ResChunk_header + lineNumber + comment
constexpr uint32_t kNoString = 0xFFFFFFFF;
constexpr size_t kAttributeRecordSize = 20;  // ns, name, rawValue, Res_value

class Parser {
  public:
    explicit Parser(std::string_view bytes) : m_bytes(bytes) {}

    Result<Document> run();

  private:
    Result<void> onStringPool(const res::Chunk& chunk);
    Result<void> onResourceMap(const res::Chunk& chunk);
    Result<void> onNode(const res::Chunk& chunk);
    Result<void> onStartElement(const res::Chunk& chunk, size_t ext);
    Result<void> onEndElement(const res::Chunk& chunk, size_t ext);
    // A string an element or attribute refers to; `field` names it in errors.
    Result<std::string_view> string(uint32_t index, size_t fieldOffset, const char* field);
    Result<std::string_view> optionalString(uint32_t index, size_t fieldOffset, const char* field);

    std::string_view m_bytes;
    Document m_document;
    std::shared_ptr<res::StringPool> m_pool;
    std::vector<uint32_t> m_resourceIds;
    std::vector<size_t> m_open;  // stack of open elements
    bool m_rootClosed = false;
    size_t m_referencedBytes = 0;
};

Result<Document> Parser::run() {
    if (m_bytes.size() >= 1 && looksLikeTextXml(m_bytes)) {
        return errorAt(0, "is text XML, expected the binary XML (AXML) that aapt compiles");
    }
    Result<res::Chunk> header = res::readChunk(m_bytes, 0, m_bytes.size(), 8, "binary XML");
    if (!header) return header.error();
    // The first chunk's type is not checked: Android's ResXMLTree checks only its sizes (and
    // malware relies on that to throw off tools that do check it).
    // Android ignores bytes after the size the header declares; so do we.
    const size_t end = header->size;
    size_t pos = header->headerSize;
    while (pos < end) {
        Result<res::Chunk> chunk = res::readChunk(m_bytes, pos, end, 8, "chunk");
        if (!chunk) return chunk.error();
        Result<void> handled = ok();
        if (chunk->type == res::chunk::kStringPool) {
            handled = onStringPool(*chunk);
        } else if (chunk->type == res::chunk::kXmlResourceMap) {
            handled = onResourceMap(*chunk);
        } else if (chunk->type >= res::chunk::kXmlFirstNode &&
                   chunk->type <= res::chunk::kXmlLastNode) {
            handled = onNode(*chunk);
        }
        // Other chunk types are skipped, as Android's parser skips them.
        if (!handled) return handled.error();
        pos += chunk->size;
    }
    if (!m_open.empty()) {
        const Element& open = m_document.elements[m_open.back()];
        return errorAt(end, "document ends inside <" + std::string(open.name) +
                                "> (opened at byte offset " + std::to_string(open.offset) +
                                "): truncated or missing end tag");
    }
    if (m_document.elements.empty()) return errorAt(end, "document has no elements");
    m_document.strings = m_pool;
    return std::move(m_document);
}

Result<void> Parser::onStringPool(const res::Chunk& chunk) {
    if (m_pool) return errorAt(chunk.offset, "a second string pool chunk");
    if (!m_document.elements.empty()) {
        return errorAt(chunk.offset, "string pool after the first element (chunks out of order)");
    }
    Result<res::StringPool> pool = res::StringPool::parse(chunk);
    if (!pool) return pool.error();
    m_pool = std::make_shared<res::StringPool>(std::move(pool).value());
    return ok();
}

Result<void> Parser::onResourceMap(const res::Chunk& chunk) {
    if (!m_document.elements.empty()) {
        return errorAt(chunk.offset, "resource map after the first element (chunks out of order)");
    }
    const size_t count = (chunk.size - chunk.headerSize) / 4;
    m_resourceIds.clear();
    m_resourceIds.reserve(count);
    for (size_t i = 0; i < count; ++i) {
        m_resourceIds.push_back(readU32(chunk.bytes, chunk.headerSize + 4 * i));
    }
    return ok();
}

Result<void> Parser::onNode(const res::Chunk& chunk) {
    if (chunk.headerSize < kNodeHeaderSize) {
        return errorAt(chunk.offset, "XML node header size is " + std::to_string(chunk.headerSize) +
                                         " bytes, expected at least 16");
    }
    if (!m_pool) {
        return errorAt(chunk.offset, "XML node (type " + res::hex16(chunk.type) +
                                         ") before the string pool (chunks out of order)");
    }
    const size_t ext = chunk.headerSize;
    const auto needExt = [&](size_t bytes, const char* what) -> Result<void> {
        if (ext + bytes > chunk.size) {
            return errorAt(chunk.offset, std::string(what) + " chunk of " +
                                             std::to_string(chunk.size) +
                                             " bytes is too small for its " +
                                             std::to_string(bytes) + "-byte body");
        }
        return ok();
    };
    switch (chunk.type) {
        case res::chunk::kXmlStartNamespace: {
            if (Result<void> fits = needExt(8, "namespace"); !fits) return fits;
            Result<std::string_view> prefix =
                optionalString(readU32(chunk.bytes, ext), chunk.offset + ext, "namespace prefix");
            if (!prefix) return prefix.error();
            Result<std::string_view> uri = optionalString(readU32(chunk.bytes, ext + 4),
                                                          chunk.offset + ext + 4, "namespace uri");
            if (!uri) return uri.error();
            m_document.namespaces.emplace_back(*prefix, *uri);
            return ok();
        }
        case res::chunk::kXmlEndNamespace:
            return needExt(8, "namespace end");
        case res::chunk::kXmlStartElement:
            if (Result<void> fits = needExt(20, "start element"); !fits) return fits;
            return onStartElement(chunk, ext);
        case res::chunk::kXmlEndElement:
            if (Result<void> fits = needExt(8, "end element"); !fits) return fits;
            return onEndElement(chunk, ext);
        default:
            return ok();  // CDATA and unknown node types carry nothing Hearth needs
    }
}

Result<void> Parser::onStartElement(const res::Chunk& chunk, size_t ext) {
    const std::string_view bytes = chunk.bytes;
    Element element;
    element.offset = chunk.offset;
    element.lineNumber = readU32(bytes, 8);
    Result<std::string_view> ns =
        optionalString(readU32(bytes, ext), chunk.offset + ext, "element namespace");
    if (!ns) return ns.error();
    Result<std::string_view> name =
        string(readU32(bytes, ext + 4), chunk.offset + ext + 4, "element name");
    if (!name) return name.error();
    element.namespaceUri = *ns;
    element.name = *name;
    const std::string tag = "<" + std::string(element.name) + ">";

    if (m_open.empty() && m_rootClosed) {
        return errorAt(chunk.offset, "a second root element " + tag);
    }
    if (m_open.size() >= static_cast<size_t>(limits::kMaxXmlDepth)) {
        return errorAt(chunk.offset, "element " + tag + " is nested more than " +
                                         std::to_string(limits::kMaxXmlDepth) +
                                         " levels deep (hearth's limit)");
    }
    if (m_document.elements.size() >= limits::kMaxXmlElements) {
        return errorAt(chunk.offset, "more than " + std::to_string(limits::kMaxXmlElements) +
                                         " elements (hearth's limit)");
    }

    const size_t attributeStart = readU16(bytes, ext + 8);
    const size_t attributeSize = readU16(bytes, ext + 10);
    const size_t attributeCount = readU16(bytes, ext + 12);
    if (attributeCount > 0) {
        if (attributeSize < kAttributeRecordSize) {
            return errorAt(chunk.offset + ext + 10, "element " + tag + " declares attributes of " +
                                                        std::to_string(attributeSize) +
                                                        " bytes, expected at least 20");
        }
        const size_t first = ext + attributeStart;
        if (first + attributeCount * attributeSize > chunk.size) {
            return errorAt(chunk.offset + ext + 12,
                           "element " + tag + " declares " + std::to_string(attributeCount) +
                               " attributes that run past the end of its " +
                               std::to_string(chunk.size) + "-byte chunk");
        }
        element.attributes.reserve(attributeCount);
        for (size_t i = 0; i < attributeCount; ++i) {
            const size_t at = first + i * attributeSize;
            const size_t fileAt = chunk.offset + at;
            Attribute attribute;
            attribute.offset = fileAt;
            Result<std::string_view> attrNs =
                optionalString(readU32(bytes, at), fileAt, "attribute namespace");
            if (!attrNs) return attrNs.error();
            const uint32_t nameIndex = readU32(bytes, at + 4);
            Result<std::string_view> attrName = string(nameIndex, fileAt + 4, "attribute name");
            if (!attrName) return attrName.error();
            attribute.namespaceUri = *attrNs;
            attribute.name = *attrName;
            if (nameIndex < m_resourceIds.size()) attribute.resourceId = m_resourceIds[nameIndex];
            const uint32_t rawIndex = readU32(bytes, at + 8);
            if (rawIndex != kNoString) {
                // Android reads a raw value it cannot decode (out of range, unterminated) as
                // absent and goes on with the typed value: so does Hearth.
                Result<std::string_view> raw = string(rawIndex, fileAt + 8, "attribute value");
                if (raw) attribute.raw = *raw;
            }
            attribute.typed.type = res::readU8(bytes, at + 15);
            attribute.typed.data = readU32(bytes, at + 16);
            if (attribute.typed.type == res::value_type::kString) {
                if (attribute.raw && rawIndex == attribute.typed.data) {
                    attribute.string = *attribute.raw;
                } else {
                    Result<std::string_view> typed =
                        string(attribute.typed.data, fileAt + 16, "attribute value");
                    if (!typed) return typed.error();
                    attribute.string = *typed;
                }
            }
            element.attributes.push_back(attribute);
        }
    }

    const size_t index = m_document.elements.size();
    if (!m_open.empty()) {
        element.parent = m_open.back();
        element.depth = m_open.size();
        m_document.elements[element.parent].children.push_back(index);
    }
    m_document.elements.push_back(std::move(element));
    m_open.push_back(index);
    return ok();
}

Result<void> Parser::onEndElement(const res::Chunk& chunk, size_t ext) {
    Result<std::string_view> name =
        string(readU32(chunk.bytes, ext + 4), chunk.offset + ext + 4, "end element name");
    if (!name) return name.error();
    if (m_open.empty()) {
        return errorAt(chunk.offset, "end tag </" + std::string(*name) + "> with no element open");
    }
    const Element& open = m_document.elements[m_open.back()];
    if (open.name != *name) {
        return errorAt(chunk.offset, "end tag </" + std::string(*name) +
                                         "> does not match the open element <" +
                                         std::string(open.name) + ">");
    }
    m_open.pop_back();
    if (m_open.empty()) m_rootClosed = true;
    return ok();
}

Result<std::string_view> Parser::string(uint32_t index, size_t fieldOffset, const char* field) {
    if (index >= m_pool->size()) {
        return errorAt(fieldOffset, std::string(field) + " refers to string #" +
                                        std::to_string(index) + " but the string pool has " +
                                        std::to_string(m_pool->size()) + " strings");
    }
    Result<std::string_view> text = m_pool->get(index);
    if (!text) return text.error();
    m_referencedBytes += text->size();
    if (m_referencedBytes > kMaxReferencedBytes) {
        return errorAt(fieldOffset,
                       "strings referenced by elements and attributes add up to more than " +
                           std::to_string(kMaxReferencedBytes >> 20) + " MiB (hearth's limit)");
    }
    return text;
}

Result<std::string_view> Parser::optionalString(uint32_t index, size_t fieldOffset,
                                                const char* field) {
    if (index == kNoString) return std::string_view();
    return string(index, fieldOffset, field);
}

}  // namespace

bool looksLikeTextXml(std::string_view bytes) {
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
    if (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF") return true;
    while (!bytes.empty() && (bytes.front() == ' ' || bytes.front() == '\n' ||
                              bytes.front() == '\r' || bytes.front() == '\t')) {
        bytes.remove_prefix(1);
    }
    return !bytes.empty() && bytes.front() == '<';
}

Result<Document> parse(std::string_view bytes) { return Parser(bytes).run(); }

}  // namespace hearth::axml
