using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Lab.Systematic.Tests.Browser;

/// <summary>
/// Drives the machine's Chromium in headless mode over pages on the file system: a screenshot of what a person sees,
/// and the DOM after the page's own <c>#selftest</c> script ran (it presses keys and writes what the page then shows
/// into <c>&lt;pre id="selftest-result"&gt;</c>). No network, no extra packages.
/// </summary>
internal static partial class HeadlessChromium
{
    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

    /// <summary>How long one browser run may take before the test fails.</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    /// <summary>The browser to use: LAB_CHROMIUM if set, else the first of the usual paths that exists; null when none.</summary>
    public static string? Executable =>
        Environment.GetEnvironmentVariable("LAB_CHROMIUM") is { Length: > 0 } configured && File.Exists(configured)
            ? configured
            : Candidates.FirstOrDefault(File.Exists);

    /// <summary>Skips the calling test, with the reason and the fix, when no Chromium is installed.</summary>
    public static string Require() => Executable ?? IgnoreWithReason();

    /// <summary>Opens <paramref name="page"/> at <c>#selftest</c> and returns the JSON the page wrote about itself.</summary>
    public static JsonElement SelfTest(string page, int width = 1400, int height = 900)
    {
        string dom = Run(page, "#selftest", width, height, "--dump-dom");
        Match result = SelfTestResult().Match(dom);
        Assert.That(result.Success && result.Groups["json"].Value.Length > 0, Is.True,
            $"the page wrote no self-test result; did its script run? DOM starts: {dom[..Math.Min(dom.Length, 400)]}");
        return JsonDocument.Parse(WebUtility.HtmlDecode(result.Groups["json"].Value)).RootElement.Clone();
    }

    /// <summary>Screenshots <paramref name="page"/> at the given window size into <paramref name="png"/>, and checks it is a real picture.</summary>
    public static void Screenshot(string page, string png, int width = 1400, int height = 900)
    {
        File.Delete(png);
        Run(page, "", width, height, $"--screenshot={png}", "--hide-scrollbars");
        Assert.That(File.Exists(png), Is.True, $"chromium wrote no screenshot {png}");
        byte[] bytes = File.ReadAllBytes(png);
        Assert.That(bytes.Take(4), Is.EqualTo(new byte[] { 0x89, 0x50, 0x4E, 0x47 }), "a PNG file");
        Assert.That(bytes.Length, Is.GreaterThan(20_000), "a page with a drawn timeline does not compress to almost nothing");
    }

    private static string Run(string page, string fragment, int width, int height, params string[] action)
    {
        // One profile folder per test run, reused by its (sequential) browser runs and left in the test's work folder.
        string profile = Path.Combine(TestContext.CurrentContext.WorkDirectory, "chromium-profile");
        var start = new ProcessStartInfo(Require())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList =
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-quic", "--no-first-run", "--no-default-browser-check", "--mute-audio",
                $"--user-data-dir={profile}", $"--window-size={width},{height}",
            },
        };
        foreach (string argument in action) start.ArgumentList.Add(argument);
        start.ArgumentList.Add(new Uri(Path.GetFullPath(page)).AbsoluteUri + fragment);
        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Limit))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"chromium did not finish {page} within {Limit.TotalSeconds:0} s");
        }
        process.WaitForExit();
        Assert.That(process.ExitCode, Is.EqualTo(0), $"chromium failed on {page}: {error.Result}");
        return output.Result;
    }

    private static string IgnoreWithReason()
    {
        Assert.Ignore("Chromium is not installed here (looked for LAB_CHROMIUM, " + string.Join(", ", Candidates) +
            "; Debian: apt-get install chromium, which .ci/run does as root), so the pages are not checked in a browser.");
        return "";
    }

    [GeneratedRegex("<pre id=\"selftest-result\">(?<json>.*?)</pre>", RegexOptions.Singleline)]
    private static partial Regex SelfTestResult();
}
