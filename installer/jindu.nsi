; Jindu (进度) Windows installer, NSIS 3 with Modern UI 2.
;
; Per user, no administrator rights: installs to %LOCALAPPDATA%\Programs\Jindu, registers
; itself under HKCU, and never touches the data folder %LOCALAPPDATA%\Jindu, except when the
; user ticks the (unticked) "remove my data" box in the uninstaller. An upgrade runs the
; previous version's uninstaller silently in place, which keeps the data.
;
; Build (see installer/README.md; the build scripts pass these):
;   makensis -DVERSION=0.1.0 -DBUNDLE_DIR=C:\path\to\build\dist\jindu installer\jindu.nsi
; Optional: -DVERSION_QUAD=0.1.0.0 (default VERSION.0), -DOUT_DIR=... (default ..\build),
; -DCOMPRESSOR=zlib (default /SOLID lzma).

Unicode true
ManifestDPIAware true
RequestExecutionLevel user
; -DCOMPRESSOR=zlib for a quick compile check (installer/build_linux.sh); releases use LZMA.
!ifndef COMPRESSOR
  !define COMPRESSOR "/SOLID lzma"
!endif
SetCompressor ${COMPRESSOR}

!ifndef VERSION
  !error "Pass the version: makensis -DVERSION=x.y.z (python installer/version_info.py --print-version)"
!endif
!ifndef BUNDLE_DIR
  !error "Pass the PyInstaller bundle folder: makensis -DBUNDLE_DIR=...\build\dist\jindu"
!endif
!ifndef VERSION_QUAD
  !define VERSION_QUAD "${VERSION}.0"
!endif
!ifndef OUT_DIR
  !define OUT_DIR "..\build"
!endif

!define PRODUCT "Jindu"
!define PRODUCT_NAME "进度 Jindu"
!define PUBLISHER "重庆市残疾人联合会"
!define APP_KEY "Software\Jindu"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Jindu"
!define DATA_DIR "$LOCALAPPDATA\Jindu"
!define MAIN_EXE "jindu.exe"
!define CLI_EXE "jindu-cli.exe"
!define UNINSTALLER "uninstall.exe"

!include "MUI2.nsh"
!include "FileFunc.nsh"
!include "LogicLib.nsh"
!include "x64.nsh"

Name "${PRODUCT_NAME}"
OutFile "${OUT_DIR}\Jindu-Setup-${VERSION}.exe"
InstallDir "$LOCALAPPDATA\Programs\Jindu"
InstallDirRegKey HKCU "${APP_KEY}" "InstallDir"
BrandingText "${PRODUCT_NAME} ${VERSION}"
ShowInstDetails show
ShowUninstDetails show

VIProductVersion "${VERSION_QUAD}"
VIFileVersion "${VERSION_QUAD}"

; --- Modern UI ------------------------------------------------------------------------
!define MUI_ICON "..\resources\icons\jindu.ico"
!define MUI_UNICON "..\resources\icons\jindu.ico"
!define MUI_ABORTWARNING
!define MUI_UNABORTWARNING
!define MUI_COMPONENTSPAGE_NODESC
!define MUI_LANGDLL_REGISTRY_ROOT "HKCU"
!define MUI_LANGDLL_REGISTRY_KEY "${APP_KEY}"
!define MUI_LANGDLL_REGISTRY_VALUENAME "InstallerLanguage"
!define MUI_LANGDLL_ALLLANGUAGES

!define MUI_WELCOMEPAGE_TEXT "$(WelcomeText)"
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\${MAIN_EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "$(RunNow)"
!define MUI_FINISHPAGE_TEXT "$(FinishText)"
!insertmacro MUI_PAGE_FINISH

!define MUI_UNCONFIRMPAGE_TEXT_TOP "$(UnConfirmText)"
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_COMPONENTS
!insertmacro MUI_UNPAGE_INSTFILES
!define MUI_FINISHPAGE_TEXT "$(UnFinishText)"
!insertmacro MUI_UNPAGE_FINISH

; The first language is the default: the clerks' PCs are Chinese.
!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "English"

; --- Strings (every one in both languages) ------------------------------------------------
LangString WelcomeText ${LANG_SIMPCHINESE} "本向导将在本机为当前用户安装 ${PRODUCT_NAME} ${VERSION}（残疾人工作要点推进情况填报程序）。$\r$\n$\r$\n无需管理员权限。程序安装在：$\r$\n$LOCALAPPDATA\Programs\Jindu$\r$\n$\r$\n您的数据保存在：$\r$\n${DATA_DIR}$\r$\n升级或卸载程序都不会删除这些数据。"
LangString WelcomeText ${LANG_ENGLISH} "This wizard installs ${PRODUCT_NAME} ${VERSION} (progress returns for the annual work plan) for the current user.$\r$\n$\r$\nNo administrator rights are needed. The program goes to:$\r$\n$LOCALAPPDATA\Programs\Jindu$\r$\n$\r$\nYour data is kept in:$\r$\n${DATA_DIR}$\r$\nUpgrading or uninstalling the program never deletes it."
LangString SecProgram ${LANG_SIMPCHINESE} "进度程序（必需）"
LangString SecProgram ${LANG_ENGLISH} "Jindu program (required)"
LangString SecStartMenu ${LANG_SIMPCHINESE} "“开始”菜单快捷方式"
LangString SecStartMenu ${LANG_ENGLISH} "Start menu shortcut"
LangString SecDesktop ${LANG_SIMPCHINESE} "桌面快捷方式"
LangString SecDesktop ${LANG_ENGLISH} "Desktop shortcut"
LangString ShortcutName ${LANG_SIMPCHINESE} "进度 Jindu"
LangString ShortcutName ${LANG_ENGLISH} "Jindu"
LangString ShortcutComment ${LANG_SIMPCHINESE} "填报、签发残疾人工作要点推进情况"
LangString ShortcutComment ${LANG_ENGLISH} "Record and sign work-plan progress returns"
LangString RunNow ${LANG_SIMPCHINESE} "立即运行进度"
LangString RunNow ${LANG_ENGLISH} "Run Jindu now"
LangString FinishText ${LANG_SIMPCHINESE} "${PRODUCT_NAME} ${VERSION} 已安装。$\r$\n$\r$\n数据文件夹：${DATA_DIR}$\r$\n请定期把备份复制到 U 盘等其他位置。"
LangString FinishText ${LANG_ENGLISH} "${PRODUCT_NAME} ${VERSION} is installed.$\r$\n$\r$\nData folder: ${DATA_DIR}$\r$\nCopy its backups to a USB stick or another place from time to time."
LangString Needs64Bit ${LANG_SIMPCHINESE} "进度需要 64 位的 Windows 10 或 Windows 11。这台电脑是 32 位系统，无法安装。"
LangString Needs64Bit ${LANG_ENGLISH} "Jindu needs 64-bit Windows 10 or 11. This PC runs a 32-bit Windows and cannot install it."
LangString Upgrading ${LANG_SIMPCHINESE} "正在移除旧版本 $0（数据文件夹保留不动）……"
LangString Upgrading ${LANG_ENGLISH} "Removing the previous version $0 (the data folder is kept)..."
LangString CloseJindu ${LANG_SIMPCHINESE} "进度正在运行，无法替换程序文件。请关闭所有进度窗口后点击“重试”。"
LangString CloseJindu ${LANG_ENGLISH} "Jindu is running, so its files cannot be replaced. Close every Jindu window, then click Retry."
LangString DataKept ${LANG_SIMPCHINESE} "数据文件夹已保留：${DATA_DIR}"
LangString DataKept ${LANG_ENGLISH} "The data folder is kept: ${DATA_DIR}"
LangString UnConfirmText ${LANG_SIMPCHINESE} "将从本机卸载 ${PRODUCT_NAME}。$\r$\n$\r$\n您的数据（数据库、签名密钥、备份、已签发的报表）保存在 ${DATA_DIR}，卸载时默认保留；只有在下一页勾选“删除我的数据”才会删除。"
LangString UnConfirmText ${LANG_ENGLISH} "${PRODUCT_NAME} will be removed from this PC.$\r$\n$\r$\nYour data (database, signing key, backups, signed returns) in ${DATA_DIR} is kept unless you tick $\"Remove my data$\" on the next page."
LangString UnSecProgram ${LANG_SIMPCHINESE} "进度程序和快捷方式"
LangString UnSecProgram ${LANG_ENGLISH} "Jindu program and shortcuts"
LangString UnSecData ${LANG_SIMPCHINESE} "删除我的数据（数据库、签名密钥、备份，不可恢复）"
LangString UnSecData ${LANG_ENGLISH} "Remove my data (database, signing key, backups; cannot be undone)"
LangString UnDataConfirm ${LANG_SIMPCHINESE} "确定要永久删除数据文件夹吗？$\r$\n${DATA_DIR}$\r$\n$\r$\n其中的数据库、签名密钥和备份都将无法恢复。"
LangString UnDataConfirm ${LANG_ENGLISH} "Delete the data folder for good?$\r$\n${DATA_DIR}$\r$\n$\r$\nIts database, signing key and backups cannot be recovered."
LangString UnDataRemoved ${LANG_SIMPCHINESE} "数据文件夹已删除：${DATA_DIR}"
LangString UnDataRemoved ${LANG_ENGLISH} "The data folder was removed: ${DATA_DIR}"
LangString UnFinishText ${LANG_SIMPCHINESE} "${PRODUCT_NAME} 已卸载。$\r$\n$\r$\n除非您选择了删除，数据文件夹仍保留在：$\r$\n${DATA_DIR}$\r$\n重新安装进度后即可继续使用。"
LangString UnFinishText ${LANG_ENGLISH} "${PRODUCT_NAME} has been removed.$\r$\n$\r$\nUnless you chose to remove it, the data folder is still in:$\r$\n${DATA_DIR}$\r$\nInstall Jindu again to carry on with it."

VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "ProductName" "${PRODUCT_NAME}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "FileDescription" "${PRODUCT_NAME} 安装程序"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "LegalCopyright" "© ${PUBLISHER}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductName" "${PRODUCT_NAME}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileDescription" "${PRODUCT_NAME} setup"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "LegalCopyright" "© ${PUBLISHER}"

; --- Install ------------------------------------------------------------------------------
Function .onInit
  SetShellVarContext current
  ${IfNot} ${RunningX64}
    MessageBox MB_OK|MB_ICONSTOP "$(Needs64Bit)" /SD IDOK
    Abort
  ${EndIf}
  SetRegView 64
  !insertmacro MUI_LANGDLL_DISPLAY
FunctionEnd

; Upgrade: run the previous version's uninstaller silently, in place (_?=), so that it removes
; the old program files and shortcuts. Silent means its "remove my data" section stays
; unselected: the data folder is kept.
Section "-Upgrade" SecUpgrade
  ReadRegStr $0 HKCU "${UNINST_KEY}" "DisplayVersion"
  ReadRegStr $1 HKCU "${UNINST_KEY}" "InstallLocation"
  ${If} $1 != ""
  ${AndIf} ${FileExists} "$1\${UNINSTALLER}"
    DetailPrint "$(Upgrading)"
    ExecWait '"$1\${UNINSTALLER}" /S _?=$1' $2
    Delete "$1\${UNINSTALLER}"
    RMDir "$1"
  ${EndIf}
  ; Files still there mean a running Jindu holds them.
  ${DoWhile} ${FileExists} "$INSTDIR\${MAIN_EXE}"
    ClearErrors
    Delete "$INSTDIR\${MAIN_EXE}"
    Delete "$INSTDIR\${CLI_EXE}"
    ${IfNot} ${Errors}
      ${Break}
    ${EndIf}
    ${IfNot} ${Cmd} `MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(CloseJindu)" /SD IDCANCEL IDRETRY`
      Abort
    ${EndIf}
  ${Loop}
SectionEnd

Section "!$(SecProgram)" SecProgram
  SectionIn RO
  SetOutPath "$INSTDIR"
  File /r "${BUNDLE_DIR}\*.*"
  WriteUninstaller "$INSTDIR\${UNINSTALLER}"

  WriteRegStr HKCU "${APP_KEY}" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${APP_KEY}" "Version" "${VERSION}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayName" "${PRODUCT_NAME}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINST_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\${MAIN_EXE}"
  WriteRegStr HKCU "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "UninstallString" '"$INSTDIR\${UNINSTALLER}"'
  WriteRegStr HKCU "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\${UNINSTALLER}" /S'
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKCU "${UNINST_KEY}" "EstimatedSize" "$0"
  DetailPrint "$(DataKept)"
SectionEnd

Section "$(SecStartMenu)" SecStartMenu
  CreateShortcut "$SMPROGRAMS\$(ShortcutName).lnk" "$INSTDIR\${MAIN_EXE}" "" \
    "$INSTDIR\${MAIN_EXE}" 0 SW_SHOWNORMAL "" "$(ShortcutComment)"
SectionEnd

Section /o "$(SecDesktop)" SecDesktop
  CreateShortcut "$DESKTOP\$(ShortcutName).lnk" "$INSTDIR\${MAIN_EXE}" "" \
    "$INSTDIR\${MAIN_EXE}" 0 SW_SHOWNORMAL "" "$(ShortcutComment)"
SectionEnd

; --- Uninstall ----------------------------------------------------------------------------
Function un.onInit
  SetShellVarContext current
  SetRegView 64
  !insertmacro MUI_UNGETLANGUAGE
FunctionEnd

Section "!un.$(UnSecProgram)" UnSecProgram
  SectionIn RO
  ; Only what the installer put here, never RMDir /r of $INSTDIR: a user may have chosen a
  ; folder that holds other files.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${MAIN_EXE}"
  Delete "$INSTDIR\${CLI_EXE}"
  Delete "$INSTDIR\${UNINSTALLER}"
  RMDir "$INSTDIR"
  ; Both languages' shortcut names, whichever language installed them.
  Delete "$SMPROGRAMS\进度 Jindu.lnk"
  Delete "$SMPROGRAMS\Jindu.lnk"
  Delete "$DESKTOP\进度 Jindu.lnk"
  Delete "$DESKTOP\Jindu.lnk"
  DeleteRegKey HKCU "${UNINST_KEY}"
  DeleteRegValue HKCU "${APP_KEY}" "InstallDir"
  DeleteRegValue HKCU "${APP_KEY}" "Version"
  DeleteRegKey /ifempty HKCU "${APP_KEY}"
  DetailPrint "$(DataKept)"
SectionEnd

Section /o "un.$(UnSecData)" UnSecData
  ; Ticked on purpose, and confirmed once more: a signing key cannot be recovered.
  ${If} ${Cmd} `MessageBox MB_YESNO|MB_ICONEXCLAMATION|MB_DEFBUTTON2 "$(UnDataConfirm)" /SD IDNO IDYES`
    RMDir /r "${DATA_DIR}"
    DeleteRegKey HKCU "${APP_KEY}"
    DetailPrint "$(UnDataRemoved)"
  ${EndIf}
SectionEnd
