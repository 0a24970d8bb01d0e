#pragma once
// DeviceLoader: runs hearth::loadDevice on a worker thread so that a device of a thousand
// manifests never freezes the window, reporting progress through DeviceLoadOptions::progress.

#include <hearth/device.h>
#include <hearth/result.h>

#include <QObject>
#include <QString>
#include <QThread>
#include <functional>
#include <memory>
#include <vector>

#include "device_session.h"

namespace hearth::gui {

class DeviceLoader : public QObject {
    Q_OBJECT

  public:
    explicit DeviceLoader(QObject* parent = nullptr);
    /// Waits for a load still running: its result is dropped.
    ~DeviceLoader() override;

    /// Starts loading path in the background. A load already running is superseded: its result
    /// is dropped when it ends.
    void start(const QString& path);
    /// Loads path on the calling thread (for --screenshot and tests); emits the same signals.
    void loadNow(const QString& path);
    bool isLoading() const { return m_running != nullptr; }

    /// Loads a device the way the GUI does (the core's loadDevice; a progress callback may be
    /// empty) and computes its home reports, all on the calling thread.
    [[nodiscard]] static Result<AnalyzedDevice> load(
        const QString& path, std::function<void(size_t, size_t)> progress = {});

  signals:
    void started(const QString& path);
    /// Manifests read so far and how many there are.
    void progress(qulonglong done, qulonglong total);
    /// The load of path ended with a device or an error (carried in the shared result).
    void finished(const QString& path,
                  std::shared_ptr<hearth::Result<hearth::gui::AnalyzedDevice>> result);

  private:
    void finishRun(quint64 generation, const QString& path,
                   std::shared_ptr<Result<AnalyzedDevice>> result);

    void reapSuperseded();

    quint64 m_generation = 0;
    std::unique_ptr<QThread> m_running;
    std::vector<std::unique_ptr<QThread>> m_superseded;  // still running, result to be dropped
};

}  // namespace hearth::gui
