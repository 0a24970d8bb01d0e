#pragma once
// Reads the manifests of a device on every core while the caller consumes them in list order.
//
// Parsing 10,000 manifests is half the time of loading a large device, and each manifest is
// independent of the others, so worker threads parse ahead while the loader takes the results one
// by one, in the order of the list. The caller therefore sees exactly what a sequential loop would:
// the same first error, the same diagnostics order, progress reported once per manifest.

#include <hearth/manifest.h>
#include <hearth/result.h>

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <filesystem>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace hearth::detail {

struct ManifestRequest {
    std::filesystem::path path;
    ParseOptions parse;
};

class ManifestPipeline {
  public:
    /// Starts parsing. threads == 0 picks the number of cores; lists too short to gain from
    /// threads are parsed on the caller's thread, inside take().
    explicit ManifestPipeline(std::vector<ManifestRequest> requests, unsigned threads = 0);
    /// Stops the workers after the manifest each is reading (a caller that met an error does not
    /// wait for the rest of the list) and joins them.
    ~ManifestPipeline();

    ManifestPipeline(const ManifestPipeline&) = delete;
    ManifestPipeline& operator=(const ManifestPipeline&) = delete;

    size_t size() const { return m_requests.size(); }

    /// loadManifest() of request `index`, waiting for it if a worker is still reading it. Each
    /// index may be taken once. Rethrows what the parse threw (std::bad_alloc).
    Result<Manifest> take(size_t index);

  private:
    struct Slot {
        std::optional<Result<Manifest>> result;
        std::exception_ptr exception;
        bool ready = false;
    };

    void work();

    std::vector<ManifestRequest> m_requests;
    std::vector<Slot> m_slots;
    std::vector<std::thread> m_workers;
    std::mutex m_mutex;
    std::condition_variable m_readyChanged;
    size_t m_nextToClaim = 0;  // guarded by m_mutex
    bool m_stopping = false;   // guarded by m_mutex
    // The index take() is waiting for (guarded by m_mutex): workers wake the caller only for it,
    // not after every manifest (10,000 wake-ups cost more than the parsing they wait for).
    size_t m_awaited = SIZE_MAX;
};

}  // namespace hearth::detail
