using Lab.Cli.Exercises;
using Lab.Cli.Grading;
using Lab.Cli.Reports;
using Lab.Cli.Tests.Support;

namespace Lab.Cli.Tests;

/// <summary>What grading does with odd folders and files, and how its reports survive hostile student names.</summary>
public sealed class GradingInputTests
{
    private static readonly Exercise LostUpdate = ExerciseCatalog.Find("lost-update");
    private ScratchDirectory _scratch = null!;

    [SetUp]
    public void CreateScratch() => _scratch = new ScratchDirectory();

    [TearDown]
    public void DeleteScratch() => _scratch.Dispose();

    [Test]
    public void FileFor_FileNameInAnotherCase_IsFound()
    {
        string student = _scratch.Combine("shouting");
        Directory.CreateDirectory(student);
        File.WriteAllText(Path.Combine(student, "COUNTER.CS"), "// a counter");

        Assert.That(SubmissionFolder.FileFor(student, LostUpdate), Is.EqualTo(Path.Combine(student, "COUNTER.CS")));
    }

    [Test]
    public void Grade_LinkToAnotherStudentsFile_IsRefusedWithoutRunningIt()
    {
        string honest = _scratch.Combine("class", "honest"), copier = _scratch.Combine("class", "copier");
        Directory.CreateDirectory(honest);
        Directory.CreateDirectory(copier);
        File.Copy(TestFiles.Sample("correct", "Counter.cs"), Path.Combine(honest, "Counter.cs"));
        File.CreateSymbolicLink(Path.Combine(copier, "Counter.cs"), Path.Combine(honest, "Counter.cs"));

        ExerciseResult result = GradingRun.Grade(Plan(), "copier", copier, LostUpdate, corpus: "[]");

        Assert.Multiple(() =>
        {
            Assert.That(result.Verdict, Is.EqualTo(Verdict.CompileError));
            Assert.That(result.Checks[0].Output, Does.Contain("is a link to a file outside the student's folder"));
            Assert.That(SubmissionFolder.LeavesFolder(honest, Path.Combine(honest, "Counter.cs")), Is.False);
        });
    }

    [Test]
    public void Grade_LinkedFolderLeadingOutside_IsNotSearched()
    {
        string honest = _scratch.Combine("class", "honest"), copier = _scratch.Combine("class", "copier");
        Directory.CreateDirectory(honest);
        Directory.CreateDirectory(copier);
        File.Copy(TestFiles.Sample("correct", "Counter.cs"), Path.Combine(honest, "Counter.cs"));
        Directory.CreateSymbolicLink(Path.Combine(copier, "borrowed"), honest);

        ExerciseResult result = GradingRun.Grade(Plan(), "copier", copier, LostUpdate, corpus: "[]");

        Assert.That(result.Verdict, Is.EqualTo(Verdict.Missing));
    }

    [TestCase(new byte[] { 0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00 }, TestName = "CompileFile_BinaryFile_IsAShortCompileError")]
    [TestCase(new byte[] { 0x63, 0x6C, 0x61, 0x73, 0x73, 0x20, 0xFF, 0xFE, 0x43 }, TestName = "CompileFile_NonUtf8File_IsAShortCompileError")]
    public void CompileFile_NotUtf8Text_IsAShortCompileError(byte[] content)
    {
        string file = _scratch.Combine("Counter.cs");
        File.WriteAllBytes(file, content);

        CompiledSubmission compiled = SubmissionCompiler.CompileFile(file);

        Assert.That(compiled.Errors, Is.EqualTo(new[] { "Counter.cs: error LAB004: the file is not C# source text (binary, or not UTF-8)" }));
    }

    [Test]
    public void CsvGradebook_FormulaAsAStudentName_IsNeutralised()
    {
        var student = new StudentResult("=HYPERLINK(\"http://evil\",\"click\")", [ExerciseResult.Unchecked(LostUpdate, Verdict.Missing, "none")]);

        List<List<string>> rows = Csv.Parse(CsvGradebook.Render([student], [LostUpdate]));

        Assert.That(rows[1][0], Is.EqualTo("'=HYPERLINK(\"http://evil\",\"click\")"));
    }

    [TestCase("+cmd")]
    [TestCase("-2+3")]
    [TestCase("@SUM(A1)")]
    [TestCase("\tTAB")]
    public void CsvGradebook_EveryFormulaPrefix_IsNeutralised(string name)
    {
        var student = new StudentResult(name, [ExerciseResult.Unchecked(LostUpdate, Verdict.Missing, "none")]);

        Assert.That(Csv.Parse(CsvGradebook.Render([student], [LostUpdate]))[1][0], Does.StartWith("'"));
    }

    [Test]
    public void MarkdownSummary_NewlineAndPipeInAName_StayInOneTableRow()
    {
        var student = new StudentResult("eve\n| injected | row |", [ExerciseResult.Unchecked(LostUpdate, Verdict.Missing, "none")]);

        string summary = MarkdownSummary.Render([student], [LostUpdate], new GradingSettings());
        string row = summary.Split('\n').Single(l => l.StartsWith("| eve", StringComparison.Ordinal));

        Assert.Multiple(() =>
        {
            Assert.That(row, Is.EqualTo("| eve \\| injected \\| row \\| | 0 Missing | 0 / 10 |"));
            Assert.That(summary, Does.Contain("## eve \\| injected \\| row \\|"));
        });
    }

    [Test]
    public void Grade_StaleReportsOfAPreviousRun_AreRemoved()
    {
        Directory.CreateDirectory(_scratch.Combine("class", "alice"));
        string ghost = _scratch.Combine("out", "gradescope", "ghost", "results.json");
        Directory.CreateDirectory(Path.GetDirectoryName(ghost)!);
        File.WriteAllText(ghost, "{\"score\": 100}");
        File.WriteAllText(_scratch.Combine("out", "notes.txt"), "the teacher's own file");

        CliResult result = LabCli.Run("grade", _scratch.Combine("class"), "--out", _scratch.Combine("out"), "--exercise", "lost-update");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(0), result.Output + result.Error);
            Assert.That(File.Exists(ghost), Is.False);
            Assert.That(File.Exists(_scratch.Combine("out", "gradescope", "alice", "results.json")), Is.True);
            Assert.That(File.Exists(_scratch.Combine("out", "notes.txt")), Is.True);
        });
    }

    [Test]
    public void Grade_TemporaryFolderLeftByAKilledRun_IsRemovedByTheNextRun()
    {
        string abandoned = Path.Combine(Path.GetTempPath(), $"{ScratchFolder.Prefix}{int.MaxValue}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.Combine(abandoned, "corpus"));
        Directory.CreateDirectory(_scratch.Combine("class", "alice"));

        CliResult result = LabCli.Run("grade", _scratch.Combine("class"), "--out", _scratch.Combine("out"), "--exercise", "lost-update");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(0), result.Output + result.Error);
            Assert.That(Directory.Exists(abandoned), Is.False);
            Assert.That(Directory.GetDirectories(Path.GetTempPath(), $"{ScratchFolder.Prefix}{Environment.ProcessId}-*"), Is.Empty);
        });
    }

    private GradingPlan Plan() => new(_scratch.Combine("class"), _scratch.Combine("out"), [LostUpdate], new GradingSettings(), 1);
}
