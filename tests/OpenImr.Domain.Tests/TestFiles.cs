namespace OpenImr.Domain.Tests;

/// <summary>Reads fixtures from the TestData folder copied beside the test assembly.</summary>
internal static class TestFiles
{
    public static string Path(string relative) => System.IO.Path.Combine(AppContext.BaseDirectory, "TestData", relative);

    public static string Read(string relative) => File.ReadAllText(Path(relative));

    public const string Seed000 = "Seeds/000_02d198c2aeaf1f9d.txt";
    public const string Seed001 = "Seeds/001_a6ae130644354d2e.txt";
    public const string Seed002 = "Seeds/002_e0e9df62187ffaeb.txt";
    public const string Seed003 = "Seeds/003_f8d92b839ee91f1b.txt";
    public const string Seed004 = "Seeds/004_c2ed943a33e6df3f.txt";
    public const string Notice = "Synthetic/notice-2013.txt";

    public static readonly string[] Seeds = [Seed000, Seed001, Seed002, Seed003, Seed004];

    /// <summary>The seed letters, one theory row each.</summary>
    public static TheoryData<string> SeedNames() => [.. Seeds];
}
