#include "manifest_pipeline.h"

#include <algorithm>
#include <system_error>
#include <utility>

namespace hearth::detail {

namespace {

// Below this many manifests a thread costs more than it saves (a small manifest parses in ~20 µs).
constexpr size_t kMinManifestsForThreads = 16;
// Reading files and allocating stop scaling well before this; it also bounds the threads a GUI
// load adds to a machine with many cores.
constexpr unsigned kMaxThreads = 8;

// loadManifest of one request, with what it threw (std::bad_alloc) kept for take() to rethrow: an
// exception must not leave a worker thread (std::terminate).
struct Loaded {
    std::optional<Result<Manifest>> result;
    std::exception_ptr exception;
};

Loaded loadCaught(const ManifestRequest& request) {
    Loaded loaded;
    try {
        loaded.result.emplace(loadManifest(request.path, request.parse));
    } catch (...) {
        loaded.exception = std::current_exception();
    }
    return loaded;
}

}  // namespace

ManifestPipeline::ManifestPipeline(std::vector<ManifestRequest> requests, unsigned threads)
    : m_requests(std::move(requests)), m_slots(m_requests.size()) {
    if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
    threads = std::min(threads, kMaxThreads);
    if (m_requests.size() < kMinManifestsForThreads || threads < 2) return;
    threads = static_cast<unsigned>(std::min<size_t>(threads, m_requests.size()));
    m_workers.reserve(threads);
    for (unsigned i = 0; i < threads; ++i) {
        try {
            m_workers.emplace_back([this] { work(); });
        } catch (const std::system_error&) {
            // The system refused another thread: the ones started do the work (with none, take()
            // parses on the caller's thread). Throwing here would leave started threads unjoined.
            break;
        }
    }
}

ManifestPipeline::~ManifestPipeline() {
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stopping = true;
    }
    for (std::thread& worker : m_workers) worker.join();
}

void ManifestPipeline::work() {
    for (;;) {
        size_t index;
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            if (m_stopping || m_nextToClaim == m_requests.size()) return;
            index = m_nextToClaim++;
        }
        Loaded loaded = loadCaught(m_requests[index]);
        bool awaited;
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_slots[index].result = std::move(loaded.result);
            m_slots[index].exception = loaded.exception;
            m_slots[index].ready = true;
            awaited = m_awaited == index;
        }
        if (awaited) m_readyChanged.notify_one();
    }
}

Result<Manifest> ManifestPipeline::take(size_t index) {
    if (m_workers.empty()) {
        return loadManifest(m_requests[index].path, m_requests[index].parse);
    }
    std::unique_lock<std::mutex> lock(m_mutex);
    // While a worker still reads the awaited manifest, the caller reads the next unclaimed one
    // instead of sleeping: a sleep and a wake-up per manifest cost more CPU than the caller's own
    // work between two take() calls (issue 14). What it reads is taken later, in list order.
    while (!m_slots[index].ready && m_nextToClaim < m_requests.size()) {
        const size_t ahead = m_nextToClaim++;
        lock.unlock();
        Loaded loaded = loadCaught(m_requests[ahead]);
        lock.lock();
        m_slots[ahead].result = std::move(loaded.result);
        m_slots[ahead].exception = loaded.exception;
        m_slots[ahead].ready = true;
    }
    m_awaited = index;
    m_readyChanged.wait(lock, [&] { return m_slots[index].ready; });
    m_awaited = SIZE_MAX;
    Slot& slot = m_slots[index];
    if (slot.exception) std::rethrow_exception(slot.exception);
    Result<Manifest> result = std::move(*slot.result);
    slot.result.reset();
    return result;
}

}  // namespace hearth::detail
