<#
.SYNOPSIS
  Build Jindu for Windows: venv, PyInstaller bundle, frozen smoke test, NSIS installer.

.DESCRIPTION
  From a checkout, in PowerShell (no administrator rights needed):

      powershell -ExecutionPolicy Bypass -File installer\build_windows.ps1

  1. creates .venv with Python 3.11 if it is missing, and installs Jindu with its build
     extra into it (pip install -e .[build]: PyInstaller);
  2. builds the onedir bundle build\dist\jindu (jindu.exe windowed, jindu-cli.exe console)
     from installer\jindu.spec;
  3. runs the frozen smoke test (installer\smoke_test.py) against it;
  4. compiles installer\jindu.nsi with makensis into build\Jindu-Setup-<version>.exe;
  5. with -InstallTest: installs that setup silently for the current user, upgrades over it,
     and uninstalls it, checking that the data folder %LOCALAPPDATA%\Jindu survives.

  Needs Python 3.11 (the py launcher, or -Python) and NSIS 3 (makensis on PATH or in
  "C:\Program Files (x86)\NSIS"). Stops at the first failing step.

.PARAMETER Python
  The command that runs Python 3.11, as words (default: py -3.11).
.PARAMETER SkipSmoke
  Do not run the smoke test (not for releases).
.PARAMETER InstallTest
  After building, install, upgrade and uninstall the setup silently (changes this user's
  Start menu and %LOCALAPPDATA%\Programs\Jindu; meant for CI runners).
#>
param(
    [string[]]$Python = @("py", "-3.11"),
    [switch]$SkipSmoke,
    [switch]$InstallTest
)

$ErrorActionPreference = "Stop"
Set-StrictMode -Version Latest
$Root = (Resolve-Path (Join-Path $PSScriptRoot "..")).Path
Set-Location $Root
$env:PYTHONUTF8 = "1"

function Invoke-Checked {
    # Run a native command and stop when it fails (PowerShell does not, by itself). A plain
    # function, so that arguments such as -m reach the command instead of being bound here.
    $exe = $args[0]
    $rest = @($args | Select-Object -Skip 1)
    & $exe @rest
    if ($LASTEXITCODE -ne 0) { throw "$exe $($rest -join ' ') failed with exit code $LASTEXITCODE" }
}

function Find-Makensis {
    $onPath = Get-Command makensis -ErrorAction SilentlyContinue
    if ($onPath) { return $onPath.Source }
    foreach ($dir in @("${env:ProgramFiles(x86)}\NSIS", "$env:ProgramFiles\NSIS")) {
        $exe = Join-Path $dir "makensis.exe"
        if (Test-Path $exe) { return $exe }
    }
    throw "makensis not found: install NSIS 3 (https://nsis.sourceforge.io, or: choco install nsis)"
}

$Venv = Join-Path $Root ".venv"
$Py = Join-Path $Venv "Scripts\python.exe"

Write-Host "== 1. Virtual environment and dependencies"
if (-not (Test-Path $Py)) {
    $launcherArgs = @($Python | Select-Object -Skip 1)
    Invoke-Checked $Python[0] @launcherArgs -m venv $Venv
}
Invoke-Checked $Py -m pip install --quiet --upgrade pip
Invoke-Checked $Py -m pip install --quiet -e ".[build]"
$Version = (& $Py installer\version_info.py --print-version).Trim()
$Quad = (& $Py installer\version_info.py --print-windows-version).Trim()
Write-Host "Jindu $Version ($Quad)"

Write-Host "== 2. PyInstaller bundle"
$Bundle = Join-Path $Root "build\dist\jindu"
if (Test-Path $Bundle) { Remove-Item -Recurse -Force $Bundle }
$watch = [Diagnostics.Stopwatch]::StartNew()
Invoke-Checked $Py -m PyInstaller --noconfirm --clean --log-level WARN `
    --distpath build\dist --workpath build\work installer\jindu.spec
$buildSeconds = [math]::Round($watch.Elapsed.TotalSeconds, 1)
$bytes = (Get-ChildItem -Recurse -File $Bundle | Measure-Object -Property Length -Sum).Sum
$sizeMiB = [math]::Round($bytes / 1MB, 1)
Write-Host "bundle: $Bundle, $sizeMiB MiB, built in $buildSeconds s"

if (-not $SkipSmoke) {
    Write-Host "== 3. Frozen smoke test"
    $env:QT_QPA_PLATFORM = "offscreen"
    Invoke-Checked $Py installer\smoke_test.py $Bundle --unfrozen (Join-Path $Venv "Scripts\jindu.exe")
    Remove-Item Env:\QT_QPA_PLATFORM
}

Write-Host "== 4. NSIS installer"
$Makensis = Find-Makensis
$OutDir = Join-Path $Root "build"
Invoke-Checked $Makensis /WX /V2 "/DVERSION=$Version" "/DVERSION_QUAD=$Quad" `
    "/DBUNDLE_DIR=$Bundle" "/DOUT_DIR=$OutDir" installer\jindu.nsi
$Setup = Join-Path $OutDir "Jindu-Setup-$Version.exe"
if (-not (Test-Path $Setup)) { throw "makensis did not write $Setup" }
$setupMiB = [math]::Round((Get-Item $Setup).Length / 1MB, 1)
Write-Host "installer: $Setup ($setupMiB MiB)"

if ($InstallTest) {
    Write-Host "== 5. Silent install, upgrade, uninstall"
    $InstDir = Join-Path $env:LOCALAPPDATA "Programs\Jindu"
    $DataDir = Join-Path $env:LOCALAPPDATA "Jindu"
    $Marker = Join-Path $DataDir "install-test 数据.txt"

    function Install-Setup {
        $p = Start-Process -FilePath $Setup -ArgumentList "/S" -Wait -PassThru
        if ($p.ExitCode -ne 0) { throw "setup /S exited $($p.ExitCode)" }
        if (-not (Test-Path (Join-Path $InstDir "jindu.exe"))) { throw "jindu.exe not in $InstDir" }
        $reported = (& (Join-Path $InstDir "jindu-cli.exe") --version).Trim()
        if ($reported -ne "jindu $Version") { throw "installed jindu-cli --version says '$reported'" }
    }

    Install-Setup
    New-Item -ItemType Directory -Force $DataDir | Out-Null
    Set-Content -Path $Marker -Value "kept" -Encoding utf8
    $shortcut = Get-ChildItem ([Environment]::GetFolderPath("Programs")) -Filter "*Jindu*.lnk"
    if (-not $shortcut) { throw "no Start-menu shortcut" }

    Install-Setup   # the upgrade: runs the previous uninstaller silently, keeps the data
    if (-not (Test-Path $Marker)) { throw "the upgrade removed the data folder" }

    # _?= runs the uninstaller in place and waits for it (otherwise it copies itself to %TEMP%).
    $uninstaller = Join-Path $InstDir "uninstall.exe"
    $p = Start-Process -FilePath $uninstaller -ArgumentList "/S", "_?=$InstDir" -Wait -PassThru
    if ($p.ExitCode -ne 0) { throw "uninstall /S exited $($p.ExitCode)" }
    Remove-Item -Force $uninstaller
    if (Test-Path (Join-Path $InstDir "jindu.exe")) { throw "uninstall left jindu.exe" }
    if (Test-Path (Join-Path $InstDir "_internal")) { throw "uninstall left _internal" }
    if (-not (Test-Path $Marker)) { throw "uninstall removed the data folder" }
    if (Get-ItemProperty "HKCU:\Software\Microsoft\Windows\CurrentVersion\Uninstall\Jindu" -ErrorAction SilentlyContinue) {
        throw "uninstall left its registry key"
    }
    Remove-Item -Force $Marker
    Write-Host "install, upgrade and uninstall: data folder kept, program removed"
}

Write-Host "== Summary"
Write-Host "Jindu $($Version): bundle $sizeMiB MiB (built in $buildSeconds s), installer $setupMiB MiB"
