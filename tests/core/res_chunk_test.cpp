// The resource container format shared by AXML and resources.arsc (res_chunk.h): chunk headers
// checked as Android's loader checks them, string pools in both encodings, and the hex spellings
// errors use. Pools are written by the tests' one set of byte writers (binary_writers.h).

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "../support/binary_writers.h"
#include "res_chunk.h"

using namespace hearth;
using namespace hearth::res;

namespace {

std::string chunkHeader(uint32_t type, uint32_t headerSize, uint32_t size) {
    std::string out;
    hearth::testing::putU16(out, type);
    hearth::testing::putU16(out, headerSize);
    hearth::testing::putU32(out, size);
    return out;
}

std::string chunkError(const std::string& file, size_t offset = 0) {
    Result<Chunk> chunk = readChunk(file, offset, file.size(), 8, "string pool");
    return chunk ? "ok" : chunk.error().toString();
}

}  // namespace

TEST(ResChunk, AValidHeaderGivesTheChunkAndItsBytes) {
    const std::string file = "pad!" + chunkHeader(0x0001, 8, 12) + "abcd" + "tail";
    Result<Chunk> chunk = readChunk(file, 4, file.size(), 8, "string pool");
    ASSERT_TRUE(chunk.has_value()) << chunk.error().toString();
    EXPECT_EQ(chunk->type, 0x0001);
    EXPECT_EQ(chunk->headerSize, 8);
    EXPECT_EQ(chunk->size, 12u);
    EXPECT_EQ(chunk->offset, 4u);
    EXPECT_EQ(chunk->bytes, chunkHeader(0x0001, 8, 12) + "abcd");
}

TEST(ResChunk, EachBrokenHeaderSaysWhatAndWhere) {
    EXPECT_EQ(chunkError("abc"),
              "the string pool header is cut off (3 of 8 bytes), at byte offset 0");
    EXPECT_EQ(chunkError(chunkHeader(1, 4, 8)),
              "string pool header size is 4 bytes, expected at least 8, at byte offset 0");
    EXPECT_EQ(chunkError(chunkHeader(1, 12, 8) + "xxxx"),
              "string pool size 8 is smaller than its header size 12, at byte offset 0");
    EXPECT_EQ(chunkError(chunkHeader(1, 8, 64)),
              "string pool declares 64 bytes but only 8 remain (truncated or wrong size), at byte "
              "offset 0");
    EXPECT_EQ(chunkError(chunkHeader(1, 8, 10) + "xx"),
              "string pool sizes (header 8, chunk 10) are not multiples of 4, at byte offset 0");
}

TEST(StringPool, BothEncodingsDecodeToTheSameUtf8) {
    const std::vector<std::string> strings = {"", "name", "caf\xC3\xA9", "\xF0\x9F\x98\x80 x"};
    for (bool utf8 : {true, false}) {
        const std::string bytes = hearth::testing::stringPoolChunk(strings, utf8);
        Result<Chunk> chunk = readChunk(bytes, 0, bytes.size(), 28, "string pool");
        ASSERT_TRUE(chunk.has_value()) << chunk.error().toString();
        Result<StringPool> pool = StringPool::parse(*chunk);
        ASSERT_TRUE(pool.has_value()) << pool.error().toString();
        EXPECT_EQ(pool->isUtf8(), utf8);
        ASSERT_EQ(pool->size(), strings.size());
        for (uint32_t i = 0; i < strings.size(); ++i) {
            Result<std::string_view> text = pool->get(i);
            ASSERT_TRUE(text.has_value()) << text.error().toString();
            EXPECT_EQ(*text, strings[i]) << (utf8 ? "UTF-8 " : "UTF-16 ") << i;
        }
        EXPECT_FALSE(pool->get(static_cast<uint32_t>(strings.size())).has_value());
    }
}

TEST(ResChunk, HexIsSpelledAsAndroidsHeadersSpellIt) {
    EXPECT_EQ(hex8(0x7f), "0x7f");
    EXPECT_EQ(hex16(0x102), "0x0102");
    EXPECT_EQ(hex32(0x7f020000), "0x7f020000");
    std::string out;
    appendUtf8(out, 0xD800);  // a lone surrogate cannot be UTF-8
    EXPECT_EQ(out, "\xEF\xBF\xBD");
}
