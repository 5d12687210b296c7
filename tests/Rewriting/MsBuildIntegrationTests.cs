using System.Diagnostics;
using System.Runtime.CompilerServices;
using Lab.Systematic.Interception;
using Mono.Cecil;

namespace Lab.Rewriting.Tests;

/// <summary>
/// build/Lab.Rewriting.targets end to end: a project with <c>LabRewrite=true</c> builds into a rewritten assembly,
/// keeps the original, runs, and a second build with nothing changed does not rewrite again.
/// </summary>
[Category("Build")]
public sealed class MsBuildIntegrationTests
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(8);

    [Test]
    [CancelAfter(20 * 60 * 1000)]
    public void LabRewriteTrue_RewritesTheIntermediateAssembly_KeepsTheOriginal_AndIsANoOpWhenNothingChanged()
    {
        string project = Path.Combine(RewrittenFixtures.Folder, "msbuild-sample");
        Directory.CreateDirectory(project);
        File.Copy(Path.Combine(TestsFolder(), "MsBuildSample", "Program.cs"), Path.Combine(project, "Program.cs"));
        File.WriteAllText(Path.Combine(project, "Sample.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <LabRewrite>true</LabRewrite>
              </PropertyGroup>
              <Import Project="{Path.Combine(RepositoryFolder(), "build", "Lab.Rewriting.targets")}" />
            </Project>
            """);

        (int firstExit, string firstLog) = Run(project, "build", "-c", "Release", "--disable-build-servers", "-nologo");

        Assert.That(firstExit, Is.EqualTo(0), firstLog);
        Assert.That(firstLog, Does.Contain("lab-rewrite: Sample: rewritten (member interception "));
        string built = Path.Combine(project, "bin", "Release", "net10.0", "Sample.dll");
        string original = Path.Combine(project, "obj", "Release", "net10.0", "lab-original", "Sample.dll");
        Assert.That(MarkerOf(built), Is.EqualTo(Lab.Systematic.Rewriting.AssemblyRewriter.Version));
        Assert.That(MarkerOf(original), Is.Null);
        Assert.That(File.Exists(Path.ChangeExtension(original, ".pdb")), Is.True);
        (int runExit, string runLog) = Run(project, built);
        Assert.That((runExit, runLog.Trim()), Is.EqualTo((0, "count=1")));
        byte[] rewritten = File.ReadAllBytes(built);

        (int secondExit, string secondLog) = Run(project, "build", "-c", "Release", "--disable-build-servers", "-nologo");

        Assert.That(secondExit, Is.EqualTo(0), secondLog);
        Assert.That(secondLog, Does.Not.Contain("lab-rewrite: Sample"));
        Assert.That(File.ReadAllBytes(built), Is.EqualTo(rewritten));
        Assert.That(MarkerOf(original), Is.Null, "the kept original survives an incremental build untouched");
    }

    private static string? MarkerOf(string path)
    {
        using var assembly = AssemblyDefinition.ReadAssembly(path);
        return assembly.CustomAttributes
            .Where(a => a.AttributeType.FullName == typeof(RewrittenAssemblyAttribute).FullName)
            .Select(a => (string?)a.ConstructorArguments[0].Value)
            .FirstOrDefault();
    }

    private static (int ExitCode, string Output) Run(string folder, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        // The test host's MSBuild variables would point the child build at the test run's own MSBuild session.
        foreach (string variable in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(variable);
        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(BuildTimeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"dotnet {string.Join(' ', arguments)} did not finish within {BuildTimeout}");
        }
        return (process.ExitCode, output.Result + error.Result);
    }

    private static string TestsFolder([CallerFilePath] string here = "") => Path.GetDirectoryName(here)!;

    private static string RepositoryFolder() => Path.GetFullPath(Path.Combine(TestsFolder(), "..", ".."));
}
