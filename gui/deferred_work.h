#pragma once
// DeferredWork: what a panel computes for the device shown, put off while the panel is hidden.

#include <QWidget>
#include <functional>
#include <utility>

namespace hearth::gui {

/// Work a panel does for the device shown, put off while the panel is hidden: a tab at the back
/// need not explain the 100,000 components of a large device when it opens (issue 16).
/// request() runs the work at once when the panel is visible and otherwise marks it due;
/// ensure() runs it when due, from the panel's showEvent and from every accessor that reads
/// what the work makes.
class DeferredWork {
  public:
    DeferredWork(QWidget* panel, std::function<void()> work)
        : m_panel(panel), m_work(std::move(work)) {}

    void request() {
        m_due = true;
        if (m_panel->isVisible()) ensure();
    }
    void ensure() {
        if (!m_due) return;
        m_due = false;
        m_work();
    }
    /// The work ran (or was dropped) some other way: nothing is due.
    void cancel() { m_due = false; }
    bool due() const { return m_due; }

  private:
    QWidget* m_panel;
    std::function<void()> m_work;
    bool m_due = false;
};

}  // namespace hearth::gui
