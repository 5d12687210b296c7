using Lab.Cli.Commands;

namespace Lab.Cli.Tests;

public sealed class DurationTests
{
    [TestCase("30s", 30.0)]
    [TestCase("1500ms", 1.5)]
    [TestCase("2m", 120.0)]
    [TestCase("1h", 3600.0)]
    [TestCase("5", 5.0)]
    [TestCase("00:01:30", 90.0)]
    public void TryParse_WrittenAsPeopleDo_GivesTheDuration(string text, double seconds)
    {
        Assert.Multiple(() =>
        {
            Assert.That(Duration.TryParse(text, out TimeSpan duration), Is.True);
            Assert.That(duration, Is.EqualTo(TimeSpan.FromSeconds(seconds)));
        });
    }

    [TestCase("0s")]
    [TestCase("-1s")]
    [TestCase("soon")]
    [TestCase("")]
    public void TryParse_NotAPositiveDuration_IsRefused(string text)
    {
        Assert.That(Duration.TryParse(text, out _), Is.False);
    }
}
