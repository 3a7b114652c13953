using System.Text;
using CsCheck;
using OpenImr.Documents.Letters;
using OpenImr.Domain.Letters;

namespace OpenImr.Documents.Tests.Letters;

/// <summary>
/// Fuzzing the letter and PDF readers with mutated seeds (bytes flipped, cut, repeated, lines joined), bounded in
/// iterations: every input gives a letter or a problem, never an unhandled exception, and each file is read within
/// a bounded amount of memory.
/// </summary>
public class LetterFileReaderFuzzTests
{
    private const int Iterations = 300;

    private static readonly byte[][] SeedPdfs = [.. TestFiles.Seeds.Select(s => LetterDocuments.Pdf(TestFiles.SeedLetter(s)))];

    private static readonly byte[][] SeedTexts = [.. TestFiles.Seeds.Select(s => Encoding.UTF8.GetBytes(TestFiles.Read(s)))];

    /// <summary>One mutation of a seed: flip bytes, cut it, repeat a slice, insert control bytes or join its lines.</summary>
    private static Gen<byte[]> Mutated(byte[][] seeds) =>
        Gen.Select(Gen.Int[0, seeds.Length - 1], Gen.Int[0, 4], Gen.Int[0, int.MaxValue], Gen.Int[1, 64], (seed, kind, at, count) =>
        {
            var bytes = (byte[])seeds[seed].Clone();
            var position = at % Math.Max(1, bytes.Length);
            switch (kind)
            {
                case 0:
                    for (var i = 0; i < count; i++)
                    {
                        bytes[(position + (i * 7919)) % bytes.Length] ^= (byte)(1 << (i % 8));
                    }

                    return bytes;
                case 1:
                    return bytes[..position];
                case 2:
                    var slice = bytes.AsSpan(position, Math.Min(count * 16, bytes.Length - position)).ToArray();
                    return [.. bytes[..position], .. Enumerable.Repeat(slice, count).SelectMany(s => s), .. bytes[position..]];
                case 3:
                    return [.. bytes[..position], .. Enumerable.Repeat((byte)0, count), 0xFF, 0xFE, .. bytes[position..]];
                default:
                    return [.. bytes.Select(b => b is (byte)'\n' or (byte)'\r' ? (byte)' ' : b)];
            }
        });

    private static void ReadsWithoutThrowing(byte[] input)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();

        var result = LetterFileReader.Read(input, "fuzz");

        Assert.True(result.Letter is not null || result.Issues.Any(i => i.Severity == IssueSeverity.Error));
        // A seed is a few kilobytes: reading a mutation of it may not cost more than a bounded multiple.
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 512L * 1024 * 1024, "one mutated letter allocated more than 512 MB");
    }

    [Fact]
    public void Read_MutatedPdfs_GiveALetterOrAProblemNeverAnException() =>
        Mutated(SeedPdfs).Sample(ReadsWithoutThrowing, iter: Iterations, threads: 1);

    [Fact]
    public void Read_MutatedTexts_GiveALetterOrAProblemNeverAnException() =>
        Mutated(SeedTexts).Sample(ReadsWithoutThrowing, iter: Iterations, threads: 1);
}
