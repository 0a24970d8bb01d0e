#pragma once
// HomeSiteModel: one framework's answer at every home call site (boot, HOME key, MID HOME key,
// recents, is-home), one row each, over the session's HomeReport. In the patched column the Site
// cell is a check box: checked sites use HOME_FIRST, so a partial patch is one click away.

#include <hearth/home.h>

#include <QAbstractTableModel>

#include "device_session.h"
#include "gui_support.h"

namespace hearth::gui {

class HomeSiteModel : public QAbstractTableModel {
    Q_OBJECT

  public:
    enum Column { Site, Category, Outcome, Result, Rule, ColumnCount };
    /// The row's HomeOutcome as an int.
    static constexpr int kOutcomeRole = kHomeOutcomeRole;
    /// The row's call-site id ("boot", "home-key", ...).
    static constexpr int kSiteRole = kHomeSiteRole;

    HomeSiteModel(DeviceSession& session, Framework framework, QObject* parent = nullptr);

    Framework framework() const { return m_framework; }
    /// The report the rows show (empty without a device).
    const HomeReport& report() const { return m_report; }
    /// The row's site report; row must be valid.
    const HomeSiteReport& siteAt(int row) const { return m_report.sites.at(size_t(row)); }
    /// The row of a call site, or -1.
    int rowOf(const std::string& site) const;

    /// "Boot", "HOME key", ... for a call-site id.
    static QString siteTitle(const std::string& site);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

  private:
    void reload(bool shapeMayChange);

    DeviceSession& m_session;
    Framework m_framework;
    HomeReport m_report;
};

}  // namespace hearth::gui
