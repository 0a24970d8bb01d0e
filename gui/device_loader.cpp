#include "device_loader.h"

#include <QMetaObject>
#include <QPointer>
#include <filesystem>

namespace hearth::gui {

DeviceLoader::DeviceLoader(QObject* parent) : QObject(parent) {}

DeviceLoader::~DeviceLoader() {
    // Worker threads call back through queued calls guarded by QPointer; waiting here keeps
    // them from running after the loader is gone.
    for (auto& thread : m_superseded) thread->wait();
    if (m_running) m_running->wait();
}

Result<AnalyzedDevice> DeviceLoader::load(const QString& path,
                                          std::function<void(size_t, size_t)> progress) {
    DeviceLoadOptions options;
    options.progress = std::move(progress);
    Result<Device> device = loadDevice(std::filesystem::path(path.toStdString()), options);
    if (!device) return device.error();
    // The home reports are pure functions of the device: computing them here keeps a large
    // device from freezing the window after it has loaded.
    return DeviceSession::analyze(std::move(device).value());
}

void DeviceLoader::start(const QString& path) {
    const quint64 generation = ++m_generation;
    if (m_running) m_superseded.push_back(std::move(m_running));
    QPointer<DeviceLoader> self(this);
    m_running.reset(QThread::create([self, generation, path] {
        auto report = [self, generation](size_t done, size_t total) {
            QMetaObject::invokeMethod(
                self.data(),
                [self, generation, done, total] {
                    if (self && generation == self->m_generation) {
                        emit self->progress(done, total);
                    }
                },
                Qt::QueuedConnection);
        };
        auto result = std::make_shared<Result<AnalyzedDevice>>(load(path, report));
        QMetaObject::invokeMethod(
            self.data(),
            [self, generation, path, result] {
                if (self) self->finishRun(generation, path, result);
            },
            Qt::QueuedConnection);
    }));
    emit started(path);
    m_running->start();
}

void DeviceLoader::reapSuperseded() {
    std::erase_if(m_superseded,
                  [](const std::unique_ptr<QThread>& thread) { return thread->isFinished(); });
}

void DeviceLoader::finishRun(quint64 generation, const QString& path,
                             std::shared_ptr<Result<AnalyzedDevice>> result) {
    reapSuperseded();
    // A superseded load's result is dropped: the user asked for another device since.
    if (generation != m_generation) return;
    if (m_running) {
        // The worker posted this call as its last act; it is ending or has ended.
        m_running->wait();
        m_running.reset();
    }
    emit finished(path, std::move(result));
}

void DeviceLoader::loadNow(const QString& path) {
    const quint64 generation = ++m_generation;
    if (m_running) m_superseded.push_back(std::move(m_running));
    emit started(path);
    auto result = std::make_shared<Result<AnalyzedDevice>>(
        load(path, [this](size_t done, size_t total) { emit progress(done, total); }));
    finishRun(generation, path, std::move(result));
}

}  // namespace hearth::gui
