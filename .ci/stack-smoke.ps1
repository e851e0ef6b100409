# Start-and-stop smoke run of stack.cmd, as CI runs it on Windows: starts the stack in the background, waits
# until the gateway is ready, stops it with stack.cmd stop (which the launcher acts on once it has printed
# that the stack is up), and fails if any process of the stack is left.
#
#   pwsh .ci/stack-smoke.ps1
$ErrorActionPreference = 'Stop'
Set-Location (Join-Path $PSScriptRoot '..')
New-Item -ItemType Directory -Force -Path target | Out-Null
$log = Join-Path (Get-Location) 'target\stack-smoke.log'
$errLog = Join-Path (Get-Location) 'target\stack-smoke.err.log'

function Fail([string] $message) {
  Write-Host "stack-smoke: $message"
  Write-Host '---- stack.cmd output ----'
  # the launcher may still hold the files open; what can be read is shown
  foreach ($file in $log, $errLog) {
    try { Get-Content $file -ErrorAction Stop | Write-Host } catch { Write-Host "($file cannot be read: $_)" }
  }
  exit 1
}

$started = Get-Date
$launcher = Start-Process -FilePath 'cmd.exe' -ArgumentList '/c', 'stack.cmd' -NoNewWindow -PassThru `
  -RedirectStandardOutput $log -RedirectStandardError $errLog

# the first run builds everything; then every component must start within the launcher's own timeouts
$deadline = $started.AddMinutes(25)
while ($true) {
  $ready = $false
  try {
    $ready = (Invoke-RestMethod -Uri 'http://127.0.0.1:8080/actuator/health/readiness' -TimeoutSec 5).status -eq 'UP'
  } catch {
    $ready = $false
  }
  if ($ready) { break }
  if ($launcher.HasExited) { Fail "stack.cmd exited with $($launcher.ExitCode) before the stack was up" }
  if ((Get-Date) -gt $deadline) { Fail 'the stack was not up after 25 minutes' }
  Start-Sleep -Seconds 5
}
Write-Host "stack-smoke: up after $([int]((Get-Date) - $started).TotalSeconds) s (build included)"

$stopping = Get-Date
& cmd.exe /c 'stack.cmd stop'
if ($LASTEXITCODE -ne 0) { Fail "stack.cmd stop exited with $LASTEXITCODE" }
if (-not $launcher.WaitForExit(120000)) { Fail 'the launcher was still running 2 minutes after stack.cmd stop' }
Write-Host "stack-smoke: stopped in $([int]((Get-Date) - $stopping).TotalSeconds) s"

# every child carries -Dftgo.component=<name>; PostgreSQL runs from zonky's directory on the stack's data directory
$left = Get-CimInstance Win32_Process | Where-Object {
  $_.CommandLine -and ($_.CommandLine -match 'ftgo\.component=' -or $_.CommandLine -match '\.dev-stack\\data\\postgres')
}
if ($left) { Fail "processes of the stack are left: $($left | ForEach-Object { "$($_.ProcessId) $($_.CommandLine)" })" }
Write-Host 'stack-smoke: no process of the stack is left'
