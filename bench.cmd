@echo off
rem Measures the FTGO stack on this machine: the Windows twin of ./bench, with the same options.
rem Needs only a JDK >= 17 (JAVA_HOME, else java on the PATH). Figures are printed, never asserted.
rem
rem   bench.cmd                              start a stack of its own on free ports, measure everything
rem   bench.cmd --rows=5000 --seconds=15     a quicker, smaller run
rem   bench.cmd --gateway=http://localhost:8080 ...   measure a running stack (see --help)
rem   bench.cmd --help                       every option
rem
rem Memory per process (the footprint measurement) is read from /proc, which only Linux has: on Windows and
rem macOS the report says it was not measured.
setlocal
cd /d "%~dp0"

set "JAVA_CMD=java"
if defined JAVA_HOME set "JAVA_CMD=%JAVA_HOME%\bin\java.exe"

rem a stack of its own needs every service's jar; a running stack needs only the bench itself
rem (for splits an argument at "=", so --gateway=URL arrives as --gateway, then URL)
set "MODULES=-pl !system-tests"
for %%A in (%*) do (
  if "%%~A"=="--gateway" set "MODULES=-pl benchmark -am"
  if "%%~A"=="--help" set "MODULES=-pl benchmark -am"
)

echo Building ^(first run downloads dependencies, later runs are incremental^)...
call mvnw.cmd -q -B -DskipTests package %MODULES%
if errorlevel 1 exit /b 1

rem Ctrl-C reaches the bench, whose shutdown hook stops the stack it started
"%JAVA_CMD%" -jar "benchmark\target\benchmark.jar" %*
exit /b %ERRORLEVEL%
