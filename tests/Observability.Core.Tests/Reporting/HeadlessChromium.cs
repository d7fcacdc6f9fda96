using System.Diagnostics;

namespace Observability.Core.Tests.Reporting;

/// <summary>
/// Debian's Chromium, headless, started per call with a new empty profile and no background networking
/// (the flags of the machine notes); installed by <c>eng/servers.sh install</c>. Missing Chromium fails the test.
/// </summary>
internal static class HeadlessChromium
{
    public static string Executable()
    {
        foreach (var candidate in new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" })
        {
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        Assert.Fail("Chromium is not installed: run 'bash eng/servers.sh install' (the test command installs Debian's chromium).");
        return string.Empty;
    }

    public static (int ExitCode, string Stdout, string Stderr) Run(params string[] arguments)
    {
        var profile = Directory.CreateTempSubdirectory("obs-chromium-");
        try
        {
            var start = new ProcessStartInfo(Executable())
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var flag in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--enable-logging=stderr", "--v=0", $"--user-data-dir={profile.FullName}" })
            {
                start.ArgumentList.Add(flag);
            }

            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail("Chromium did not finish within 90 s.");
            }

            return (process.ExitCode, stdout.Result, stderr.Result);
        }
        finally
        {
            try
            {
                profile.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A profile file still held open: a stray temporary folder is harmless.
            }
        }
    }

    public static string PdfText(string pdf)
    {
        if (!File.Exists("/usr/bin/pdftotext"))
        {
            Assert.Fail("pdftotext is not installed: run 'bash eng/servers.sh install' (it installs poppler-utils).");
        }

        var start = new ProcessStartInfo("/usr/bin/pdftotext") { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add("-layout");
        start.ArgumentList.Add(pdf);
        start.ArgumentList.Add("-");
        using var process = Process.Start(start)!;
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return text;
    }
}
