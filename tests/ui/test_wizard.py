"""First run: the wizard sets up an office that works, or says exactly what to fix."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from app import keys
from tests.ui.conftest import PASSPHRASE, RecordingDialogs, commit_text, fresh_service
from ui.app_context import AppContext
from ui.setup_wizard import SetupWizard


def make_wizard(qtbot, context: AppContext) -> SetupWizard:
    wizard = SetupWizard(context)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    return wizard


def district_refused(qtbot, context: AppContext, typed: str) -> tuple[SetupWizard, QLabel]:
    """The wizard after Next with `typed` as the district: still on the first page, and the
    message under the district field."""
    wizard = make_wizard(qtbot, context)
    wizard.office_page.district.setEditText(typed)
    wizard.next()
    assert wizard.currentId() == SetupWizard.OFFICE
    error = wizard.office_page.rows["区县"].error
    assert error.isVisibleTo(wizard)
    return wizard, error


def fill_office(wizard: SetupWizard, phone: str = "023-63651188") -> None:
    page = wizard.office_page
    page.district.setCurrentIndex(page.district.findData("500103"))
    for edit, name in ((page.clerk, "张三"), (page.reviewer, "李四"), (page.head, "王五")):
        edit.setFocus()
        commit_text(edit, name)
    page.phone.setText(phone)


def test_the_wizard_creates_a_working_office(
    qtbot, empty_context: AppContext, dialogs: RecordingDialogs
) -> None:
    wizard = make_wizard(qtbot, empty_context)
    fill_office(wizard)
    wizard.next()
    assert wizard.currentId() == SetupWizard.PASSPHRASE
    page = wizard.passphrase_page
    qtbot.keyClicks(page.first, PASSPHRASE)
    qtbot.keyClicks(page.second, PASSPHRASE)
    with qtbot.waitSignal(wizard.accepted):
        wizard.button(wizard.WizardButton.FinishButton).click()

    data_dir = empty_context.data_dir
    service = fresh_service(data_dir)
    try:
        office = service.office()
        assert (office.district.code, office.clerk, office.reviewer, office.head, office.phone) == (
            "500103",
            "张三",
            "李四",
            "王五",
            "023-63651188",
        )
        assert office.plan_id == "cq-2018"
        # A working office: it accepts a value, and its key opens with the passphrase typed twice.
        service.set_entry("2018Q1", "2.1.1", "12")
        assert (
            service.period_data(service.parse_period("2018Q1")).by_indicator["2.1.1"].number == 12
        )
    finally:
        service.store.close()
    assert keys.load_private_key(data_dir, PASSPHRASE) is not None
    info = keys.load_info(data_dir)
    assert info.district == "500103"
    assert info.fingerprint_grouped in dialogs.texts("information")[0]


def test_the_district_is_found_by_initials_name_or_code(qtbot, empty_context: AppContext) -> None:
    page = make_wizard(qtbot, empty_context).office_page
    line = page.district.lineEdit()
    line.setFocus()
    qtbot.keyClicks(line, "yzq")
    assert page.district.matches.stringList()[0] == "渝中区（500103）"
    line.clear()
    qtbot.keyClicks(line, "500112")
    assert page.district.matches.stringList() == ["渝北区（500112）"]
    line.clear()
    commit_text(line, "綦江")
    assert page.district.matches.stringList()[0].startswith("綦江区")
    # What was typed is enough: the page resolves it the way the command line does.
    assert page.chosen_district().code == "500110"


def test_refused_fields_are_explained_next_to_them(qtbot, empty_context: AppContext) -> None:
    wizard, district_error = district_refused(qtbot, empty_context, "不存在的县")
    page = wizard.office_page
    assert "不存在的县" in district_error.text()

    fill_office(wizard, phone="abc")
    wizard.next()
    assert wizard.currentId() == SetupWizard.PASSPHRASE
    pw = wizard.passphrase_page
    qtbot.keyClicks(pw.first, "short")
    qtbot.keyClicks(pw.second, "short")
    wizard.button(wizard.WizardButton.FinishButton).click()
    assert "至少" in pw.first_row.error.text()

    pw.first.setText(PASSPHRASE)
    pw.second.setText(PASSPHRASE + "x")
    wizard.button(wizard.WizardButton.FinishButton).click()
    assert pw.second_row.error.isVisibleTo(wizard)
    assert pw.second.text() == ""

    # The phone is refused by the service's rule; the wizard goes back to that field.
    pw.second.setText(PASSPHRASE)
    wizard.button(wizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: wizard.currentId() == SetupWizard.OFFICE)
    phone_error = page.rows["联系电话"].error
    assert "abc" in phone_error.text() and phone_error.isVisibleTo(wizard)
    assert "abc" in page.phone.accessibleDescription()
    assert not empty_context.service.is_set_up
    assert not keys.has_identity(empty_context.data_dir)

    page.phone.setText("023-63651188")
    wizard.next()
    with qtbot.waitSignal(wizard.accepted):
        wizard.button(wizard.WizardButton.FinishButton).click()
    assert empty_context.service.office().phone == "023-63651188"


def test_cancelling_writes_nothing(qtbot, empty_context: AppContext) -> None:
    wizard = make_wizard(qtbot, empty_context)
    fill_office(wizard)
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    assert not wizard.isVisible()
    assert not empty_context.service.is_set_up
    assert not keys.has_identity(empty_context.data_dir)


def test_no_district_chosen_is_said_in_the_windows_language(
    qtbot, empty_context: AppContext, qapp
) -> None:
    from ui.app_context import Translations

    translations = Translations(qapp)
    try:
        translations.install("en")
        qapp.processEvents()
        _, error = district_refused(qtbot, empty_context, "")
        assert error.text() == "⚠ Please choose your district."
    finally:
        translations.uninstall()
