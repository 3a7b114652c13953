using OpenImr.Domain.Letters;

namespace OpenImr.Documents.Tests;

internal static class TestFiles
{
    public static readonly string[] Seeds =
    [
        "Seeds/000_02d198c2aeaf1f9d.txt", "Seeds/001_a6ae130644354d2e.txt", "Seeds/002_e0e9df62187ffaeb.txt",
        "Seeds/003_f8d92b839ee91f1b.txt", "Seeds/004_c2ed943a33e6df3f.txt",
    ];

    public static string Read(string relative) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", relative));

    public static Letter SeedLetter(string relative) => LetterParser.Parse(Read(relative), Path.GetFileName(relative)).Letter!;
}
