#include "panels/phone_preview.h"

#include <hearth/app_icon.h>

#include <QComboBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QListWidget>
#include <QPainter>
#include <QPixmap>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

#include "gui_support.h"

namespace hearth::gui {
namespace {

enum Page { OffPage, ActivityPage, ChooserPage, NoHomePage };

// A calm, stable colour per package so that two launchers never look alike.
QColor wallpaperFor(const QString& packageName) {
    const uint hash = qHash(packageName);
    return QColor::fromHsv(int(hash % 360), 90, 150);
}

// The label a launcher or chooser shows: the component's, else the application's; an
// unresolved resource reference ("@string/app_name", a manifest without its resources) or no
// label at all falls back to the package name, as Android falls back to it.
QString labelOf(const Device& device, const ComponentName& name) {
    const auto usable = [](const std::optional<std::string>& label) {
        return label && !label->empty() && label->front() != '@';
    };
    if (const InstalledPackage* package = device.findPackage(name.packageName)) {
        const Component* component = package->manifest.findComponent(name.className);
        if (component && usable(component->label)) return qs(*component->label);
        if (usable(package->manifest.application.label)) {
            return qs(*package->manifest.application.label);
        }
    }
    return qs(name.packageName);
}

constexpr int kIconSize = 24;

// A stand-in app icon: a rounded square in the package's own colour.
QIcon standInIcon(const QString& packageName) {
    QPixmap pixmap(kIconSize, kIconSize);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setBrush(wallpaperFor(packageName));
    painter.setPen(Qt::NoPen);
    painter.drawRoundedRect(QRectF(1, 1, 22, 22), 5, 5);
    return QIcon(pixmap);
}

}  // namespace

PhonePreview::PhonePreview(DeviceSession& session, QWidget* parent)
    : QFrame(parent), m_session(session) {
    setObjectName("phonePreview");
    m_frameworkBox = new QComboBox(this);
    m_frameworkBox->setObjectName("phoneFramework");
    m_frameworkBox->addItem(tr("Stock framework"), int(Framework::Stock));
    m_frameworkBox->addItem(tr("HOME_FIRST patch"), int(Framework::Patched));

    // The phone: a dark bezel around a screen whose pages show what is in front.
    auto* bezel = new QFrame(this);
    bezel->setObjectName("phoneBezel");
    bezel->setStyleSheet(
        QStringLiteral("#phoneBezel { background: #202328; border-radius: 22px; }"
                       "#phoneScreen { background: #000; border-radius: 6px; }"));
    bezel->setFixedSize(210, 350);
    m_pages = new QStackedWidget(bezel);
    m_pages->setObjectName("phoneScreen");

    auto* off = new QLabel(tr("Press Boot"), m_pages);
    off->setAlignment(Qt::AlignCenter);
    off->setStyleSheet(QStringLiteral("color: #777; background: #000;"));
    m_pages->addWidget(off);

    auto* activity = new QWidget(m_pages);
    activity->setObjectName("phoneActivity");
    m_activityTitle = new QLabel(activity);
    m_activityTitle->setObjectName("phoneActivityTitle");
    m_activityTitle->setAlignment(Qt::AlignCenter);
    m_activityTitle->setWordWrap(true);
    m_activityDetail = new QLabel(activity);
    m_activityDetail->setObjectName("phoneActivityDetail");
    m_activityDetail->setAlignment(Qt::AlignCenter);
    m_activityDetail->setWordWrap(true);
    auto* activityLayout = new QVBoxLayout(activity);
    activityLayout->addStretch(1);
    activityLayout->addWidget(m_activityTitle);
    activityLayout->addWidget(m_activityDetail);
    activityLayout->addStretch(2);
    m_pages->addWidget(activity);

    auto* chooser = new QWidget(m_pages);
    chooser->setObjectName("phoneChooser");
    chooser->setStyleSheet(QStringLiteral(
        "#phoneChooser { background: #f2f2f2; }"
        "QListWidget { background: #fff; border: none; font-size: 11px; }"
        "QPushButton { font-weight: bold; color: #1a73e8; border: none; padding: 6px; }"
        "QPushButton:disabled { color: #aaa; }"));
    m_chooserTitle = new QLabel(chooser);
    m_chooserTitle->setObjectName("phoneChooserTitle");
    m_chooserTitle->setWordWrap(true);
    m_chooserTitle->setStyleSheet(QStringLiteral("font-weight: bold; color: #222;"));
    m_chooserList = new QListWidget(chooser);
    m_chooserList->setObjectName("phoneChooserList");
    // One line per app, as Android's chooser: the label and an icon; the component on hover.
    m_chooserList->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_chooserList->setTextElideMode(Qt::ElideRight);
    m_chooserList->setIconSize(QSize(kIconSize, kIconSize));
    m_chooserList->setSpacing(2);
    m_once = new QPushButton(tr("Just once"), chooser);
    m_once->setObjectName("phoneJustOnce");
    m_always = new QPushButton(tr("Always"), chooser);
    m_always->setObjectName("phoneAlways");
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_once);
    buttons->addWidget(m_always);
    auto* chooserLayout = new QVBoxLayout(chooser);
    chooserLayout->setContentsMargins(8, 24, 8, 8);
    chooserLayout->addWidget(m_chooserTitle);
    chooserLayout->addWidget(m_chooserList, 1);
    chooserLayout->addLayout(buttons);
    m_pages->addWidget(chooser);

    m_noHome = new QLabel(m_pages);
    m_noHome->setObjectName("phoneNoHome");
    m_noHome->setAlignment(Qt::AlignCenter);
    m_noHome->setWordWrap(true);
    m_noHome->setStyleSheet(QStringLiteral("background: #000; color: #d33; font-weight: bold;"));
    m_pages->addWidget(m_noHome);

    auto* bezelLayout = new QVBoxLayout(bezel);
    bezelLayout->setContentsMargins(9, 22, 9, 26);
    bezelLayout->addWidget(m_pages);

    m_boot = new QPushButton(tr("Boot"), this);
    m_boot->setObjectName("phoneBoot");
    m_home = new QPushButton(tr("Home"), this);
    m_home->setObjectName("phoneHome");
    m_status = new QLabel(this);
    m_status->setObjectName("phoneStatus");
    m_status->setWordWrap(true);
    m_status->setMaximumWidth(260);
    m_status->setMinimumHeight(48);
    m_status->setAlignment(Qt::AlignTop | Qt::AlignHCenter);

    auto* keys = new QHBoxLayout;
    keys->addWidget(m_boot);
    keys->addWidget(m_home);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_frameworkBox);
    layout->addWidget(bezel, 0, Qt::AlignHCenter);
    layout->addLayout(keys);
    layout->addWidget(m_status);
    layout->addStretch(1);

    connect(m_frameworkBox, &QComboBox::currentIndexChanged, this, [this](int row) {
        m_framework = Framework(m_frameworkBox->itemData(row).toInt());
        restart();
    });
    connect(m_boot, &QPushButton::clicked, this, &PhonePreview::boot);
    connect(m_home, &QPushButton::clicked, this, &PhonePreview::pressHome);
    connect(m_once, &QPushButton::clicked, this, [this] { chooseSelected(false); });
    connect(m_always, &QPushButton::clicked, this, [this] { chooseSelected(true); });
    connect(m_chooserList, &QListWidget::currentRowChanged, this, [this](int row) {
        m_once->setEnabled(row >= 0);
        m_always->setEnabled(row >= 0);
    });
    connect(&m_session, &DeviceSession::deviceReplaced, this, [this] {
        // A new device boots at once: the first thing anyone asks is what comes up.
        m_simulator.reset();
        m_keys.clear();
        m_icons.clear();  // a reload may read rebuilt APKs
        showScreen(Screen::Off);
        boot();
    });
    connect(&m_session, &DeviceSession::deviceEdited, this, [this] {
        if (m_ignoreNextEdit) {
            m_ignoreNextEdit = false;
            return;
        }
        restart();
    });
    showScreen(Screen::Off);
    m_status->setText(tr("Press Boot to start the device."));
}

void PhonePreview::setFramework(Framework framework) {
    const int row = m_frameworkBox->findData(int(framework));
    if (row >= 0) m_frameworkBox->setCurrentIndex(row);
}

void PhonePreview::restart() {
    // A new device state or framework: boot a fresh simulator and replay the keys pressed.
    std::vector<std::string> keys = std::move(m_keys);
    m_keys.clear();
    m_simulator.reset();
    if (keys.empty()) return;
    boot();
    if (keys.back() == "press-home") pressHome();
}

void PhonePreview::boot() {
    if (!m_session.hasDevice()) return;
    // The simulator borrows the session's device and index until a step changes the device;
    // every session change resets it (deviceReplaced, deviceEdited) before it is used again.
    m_simulator = std::make_unique<Simulator>(m_session.device(), m_session.index(),
                                              m_session.patchFor(m_framework));
    m_keys.clear();
    showStep(m_simulator->boot(), "boot");
}

void PhonePreview::pressHome() {
    if (!m_simulator || !m_simulator->running()) {
        m_status->setText(tr("The device is off: press Boot first."));
        return;
    }
    showStep(m_simulator->pressHome(), "press-home");
}

bool PhonePreview::showStep(const Result<StepReport>& report, const std::string& key) {
    if (!report) {
        m_status->setText(qs(report.error().toString()));
        return false;
    }
    if (!key.empty()) m_keys.push_back(key);
    m_homeIgnored = report->homeIgnored;
    show(report->screen);
    QStringList events;
    for (const std::string& event : report->events) events << qs(event);
    m_status->setText(events.join('\n'));
    syncPreferredToSession();
    return true;
}

void PhonePreview::show(const hearth::Screen& screen) {
    const Device& device = m_simulator->device();
    switch (screen.kind) {
        case hearth::Screen::Kind::Off:
            m_foreground.clear();
            showScreen(Screen::Off);
            break;
        case hearth::Screen::Kind::Activity: {
            m_foreground = qs(screen.activity->flattenToShortString());
            const QString label = labelOf(device, *screen.activity);
            m_activityTitle->setText(label.isEmpty() ? m_foreground.section('/', 0, 0) : label);
            // Package and class on their own lines: a narrow screen must not clip either.
            m_activityDetail->setText(qs(screen.activity->packageName) + "\n" +
                                      m_foreground.section('/', 1));
            m_pages->widget(ActivityPage)
                ->setStyleSheet(QStringLiteral("#phoneActivity { background: %1; } QLabel { "
                                               "color: white; font-weight: bold; }")
                                    .arg(wallpaperFor(qs(screen.activity->packageName)).name()));
            showScreen(Screen::Activity);
            break;
        }
        case hearth::Screen::Kind::Chooser:
            m_foreground.clear();
            m_chooserList->clear();
            for (const ComponentName& candidate : screen.chooser) {
                const QString name = qs(candidate.flattenToShortString());
                QString iconError;
                auto* item = new QListWidgetItem(iconOf(device, candidate, &iconError),
                                                 labelOf(device, candidate));
                item->setToolTip(iconError.isEmpty() ? name
                                                     : name + "\n" + tr("icon: %1").arg(iconError));
                item->setData(Qt::UserRole, name);
                m_chooserList->addItem(item);
            }
            m_chooserTitle->setText(device.isLegacy() ? tr("Complete action using")
                                                      : tr("Select a home app"));
            m_once->setEnabled(false);
            m_always->setEnabled(false);
            showScreen(Screen::Chooser);
            break;
        case hearth::Screen::Kind::NoHome:
            m_foreground.clear();
            m_noHome->setText(tr("no home\n\nnothing answers the home intent"));
            showScreen(Screen::NoHome);
            break;
    }
}

QIcon PhonePreview::iconOf(const Device& device, const ComponentName& name, QString* why) {
    const InstalledPackage* package = device.findPackage(name.packageName);
    const Component* component =
        package ? package->manifest.findComponent(name.className) : nullptr;
    if (!component) return standInIcon(qs(name.packageName));
    // By APK and component: another device may install another APK under the same name.
    const QString key = qs(package->manifest.file) + '|' + qs(name.flattenToShortString());
    auto cached = m_icons.constFind(key);
    if (cached == m_icons.constEnd()) {
        CachedIcon entry{standInIcon(qs(name.packageName)), {}};
        Result<std::optional<AppIcon>> found =
            loadAppIcon(package->manifest, *component, device.apiLevel);
        QPixmap pixmap;
        if (!found) {
            entry.error = qs(found.error().toString());
        } else if (found->has_value()) {
            const std::string& bytes = (*found)->bytes;
            if (pixmap.loadFromData(reinterpret_cast<const uchar*>(bytes.data()),
                                    uint(bytes.size()))) {
                entry.icon = QIcon(pixmap.scaled(kIconSize, kIconSize, Qt::KeepAspectRatio,
                                                 Qt::SmoothTransformation));
            } else {
                entry.error = tr("%1 in %2 is not an image Qt can decode")
                                  .arg(qs((*found)->entry), qs(package->manifest.file));
            }
        }
        cached = m_icons.insert(key, entry);
    }
    if (why) *why = cached->error;
    return cached->icon;
}

void PhonePreview::showScreen(Screen screen) {
    m_screen = screen;
    switch (screen) {
        case Screen::Off:
            m_pages->setCurrentIndex(OffPage);
            break;
        case Screen::Activity:
            m_pages->setCurrentIndex(ActivityPage);
            break;
        case Screen::Chooser:
            m_pages->setCurrentIndex(ChooserPage);
            break;
        case Screen::NoHome:
            m_pages->setCurrentIndex(NoHomePage);
            break;
    }
}

QStringList PhonePreview::chooserCandidates() const {
    QStringList names;
    if (m_screen != Screen::Chooser) return names;
    for (int row = 0; row < m_chooserList->count(); ++row) {
        names << m_chooserList->item(row)->data(Qt::UserRole).toString();
    }
    return names;
}

QString PhonePreview::statusText() const { return m_status->text(); }

void PhonePreview::chooseSelected(bool always) {
    QListWidgetItem* item = m_chooserList->currentItem();
    if (!item) return;
    choose(item->data(Qt::UserRole).toString(), always);
}

bool PhonePreview::choose(const QString& component, bool always) {
    if (m_screen != Screen::Chooser || !m_simulator || !chooserCandidates().contains(component)) {
        return false;
    }
    // The simulator records the answer as ResolverActivity does (P-4/P-5: "Always" adds a
    // preferred activity, "Just once" a last-chosen entry) and brings the activity up.
    const std::optional<ComponentName> name = ComponentName::unflatten(component.toStdString());
    if (!name || !showStep(m_simulator->choose(*name, always), "")) return false;
    emit chosen(component, always);
    return true;
}

namespace {

bool samePreferred(const std::vector<PreferredActivity>& a,
                   const std::vector<PreferredActivity>& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                      [](const PreferredActivity& x, const PreferredActivity& y) {
                          return x.component == y.component && x.always == y.always &&
                                 x.set == y.set && x.match == y.match && x.filter == y.filter;
                      });
}

}  // namespace

void PhonePreview::syncPreferredToSession() {
    // Choices and the resolver's own preferred-table changes (P-8) belong to the device: hand
    // them to the session so that the outcome tables show them too.
    const Device& simulated = m_simulator->device();
    const Device& current = m_session.device();
    if (samePreferred(simulated.preferred, current.preferred) &&
        samePreferred(simulated.persistentPreferred, current.persistentPreferred)) {
        return;
    }
    Device edited = current;
    edited.preferred = simulated.preferred;
    edited.persistentPreferred = simulated.persistentPreferred;
    m_ignoreNextEdit = true;
    m_session.applyEditedDevice(std::move(edited));
}

}  // namespace hearth::gui
