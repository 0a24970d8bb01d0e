// The manifest pipeline (manifest_pipeline.h): worker threads parse ahead while take() hands out
// the results in list order, so the caller sees what a sequential loop of loadManifest would.

#include "manifest_pipeline.h"

#include <gtest/gtest.h>
#include <hearth/manifest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "../support/scratch_dir.h"

using namespace hearth;
using hearth::detail::ManifestPipeline;
using hearth::detail::ManifestRequest;

namespace fs = std::filesystem;

namespace {

// More manifests than the pipeline's threshold for threads (16), so that threads do run.
constexpr int kManifests = 40;

class ManifestPipelineTest : public hearth::testing::ScratchDirTest {
  protected:
    void SetUp() override {
        ScratchDirTest::SetUp();
        for (int i = 0; i < kManifests; ++i) {
            // Every seventh manifest is refused (no package and an element left open).
            const fs::path path =
                write("m" + std::to_string(i) + ".xml",
                      i % 7 == 3 ? std::string("<manifest>\n<application>\n")
                                 : "<manifest xmlns:android=\"http://schemas.android.com/apk/res/"
                                   "android\" package=\"com.p" +
                                       std::to_string(i) + "\"><application/></manifest>\n");
            m_requests.push_back(ManifestRequest{path, {}});
        }
    }

    // Each result as one line: the package, or the error text.
    static std::vector<std::string> takeAll(ManifestPipeline& pipeline) {
        std::vector<std::string> out;
        for (size_t i = 0; i < pipeline.size(); ++i) {
            Result<Manifest> manifest = pipeline.take(i);
            out.push_back(manifest ? "ok " + manifest->packageName
                                   : "error " + manifest.error().toString());
        }
        return out;
    }

    std::vector<ManifestRequest> m_requests;
};

}  // namespace

TEST_F(ManifestPipelineTest, ThreadsGiveWhatASequentialLoopOfLoadManifestGives) {
    std::vector<std::string> sequential;
    for (const ManifestRequest& request : m_requests) {
        Result<Manifest> manifest = loadManifest(request.path, request.parse);
        sequential.push_back(manifest ? "ok " + manifest->packageName
                                      : "error " + manifest.error().toString());
    }
    ManifestPipeline threaded(m_requests, 4);
    EXPECT_EQ(threaded.size(), static_cast<size_t>(kManifests));
    EXPECT_EQ(takeAll(threaded), sequential);
    ManifestPipeline single(m_requests, 1);
    EXPECT_EQ(takeAll(single), sequential);
    EXPECT_EQ(sequential[0], "ok com.p0");
    EXPECT_EQ(sequential[3].rfind("error " + m_requests[3].path.string() + ":", 0), 0u)
        << sequential[3];
}

TEST_F(ManifestPipelineTest, EachRequestKeepsItsOwnParseOptions) {
    m_requests[5].parse.packageName = "com.renamed";
    ManifestPipeline pipeline(m_requests, 4);
    const std::vector<std::string> results = takeAll(pipeline);
    EXPECT_EQ(results[5], "ok com.renamed");
    EXPECT_EQ(results[6], "ok com.p6");
}

TEST_F(ManifestPipelineTest, ACallerThatStopsEarlyDoesNotWaitForTheRest) {
    // The destructor stops the workers after the manifest each is reading and joins them; a
    // hang or a crash here fails the test by timeout or signal.
    ManifestPipeline pipeline(m_requests, 4);
    Result<Manifest> first = pipeline.take(0);
    ASSERT_TRUE(first.has_value()) << first.error().toString();
    EXPECT_EQ(first->packageName, "com.p0");
}

TEST_F(ManifestPipelineTest, AShortListIsParsedOnTheCallersThreadInOrder) {
    m_requests.resize(3);
    ManifestPipeline pipeline(m_requests, 8);
    EXPECT_EQ(takeAll(pipeline), (std::vector<std::string>{"ok com.p0", "ok com.p1", "ok com.p2"}));
}
