#!/bin/bash
# The resident size of the smallest .NET program on this machine: a console app (Release, invariant globalization,
# the same runtime Vigil uses) that starts one thread and sleeps. Vigil's RSS cannot go below this figure; it puts
# the "RSS <= 40 MB" target of bench/failover.sh in proportion. Needs the .NET SDK; no root, no network.
set -euo pipefail
dir="$(mktemp -d /tmp/vigil-floor.XXXX)"
trap 'rm -rf "$dir"' EXIT INT TERM
cat >"$dir/floor.csproj" <<'XML'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <InvariantGlobalization>true</InvariantGlobalization>
    <ImplicitUsings>enable</ImplicitUsings>
    <ConcurrentGarbageCollection>false</ConcurrentGarbageCollection>
  </PropertyGroup>
</Project>
XML
cat >"$dir/Program.cs" <<'CS'
var thread = new Thread(() => { while (true) { Thread.Sleep(10); } }) { IsBackground = true };
thread.Start();
Thread.Sleep(3000);
foreach (var line in File.ReadLines("/proc/self/status"))
{
    if (line.StartsWith("VmRSS") || line.StartsWith("Rss"))
    {
        Console.WriteLine(line);
    }
}
CS
dotnet build "$dir" -c Release -o "$dir/out" >/dev/null
"$dir/out/floor"
