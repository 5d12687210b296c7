using Lab.Cli.Tests.Support;

namespace Lab.Cli.Tests;

public sealed class GradeCommandTests
{
    [Test]
    public void Grade_MissingSubmissionsFolder_ExitsOneSayingSo()
    {
        using var scratch = new ScratchDirectory();
        string missing = scratch.Combine("no-submissions-here");

        CliResult result = LabCli.Run("grade", missing, "--out", scratch.Combine("out"));

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(1));
            Assert.That(result.Error, Does.Contain($"the submissions folder '{missing}' does not exist"));
            Assert.That(Directory.Exists(scratch.Combine("out")), Is.False);
        });
    }

    [Test]
    public void Grade_FolderWithoutStudentFolders_ExitsOneExplainingTheLayout()
    {
        using var scratch = new ScratchDirectory();
        Directory.CreateDirectory(scratch.Combine("class"));
        File.WriteAllText(scratch.Combine("class", "Counter.cs"), "// a file where a student folder was expected");

        CliResult result = LabCli.Run("grade", scratch.Combine("class"), "--out", scratch.Combine("out"));

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(1));
            Assert.That(result.Error, Does.Contain("one sub-folder per student"));
        });
    }

    [Test]
    public void Grade_UnknownExercise_ExitsOneListingTheExercises()
    {
        CliResult result = LabCli.Run("grade", TestFiles.Samples, "--exercise", "lost-updates");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(1));
            Assert.That(result.Error, Does.Contain("unknown exercise 'lost-updates'").And.Contain("lost-update, bank-transfer-audit"));
        });
    }

    [Test]
    public void Grade_InvalidTimeout_ExitsOne()
    {
        CliResult result = LabCli.Run("grade", TestFiles.Samples, "--timeout", "0s");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(1));
            Assert.That(result.Error, Does.Contain("'0s' is not a duration"));
        });
    }
}
