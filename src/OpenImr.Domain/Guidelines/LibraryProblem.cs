namespace OpenImr.Domain.Guidelines;

/// <summary>
/// One problem found while loading the library, with where it is. Codes are stable:
/// <list type="table">
/// <item><term>GL001</term><description>file is not valid JSON</description></item>
/// <item><term>GL002</term><description>file is not named in the manifest, or the manifest names a file not given</description></item>
/// <item><term>GL003</term><description>no manifest (<c>library.json</c>) was given</description></item>
/// <item><term>GL101</term><description>required property missing or empty</description></item>
/// <item><term>GL102</term><description>property has the wrong JSON type</description></item>
/// <item><term>GL103</term><description>unknown property (likely a typo)</description></item>
/// <item><term>GL104</term><description>value not one of the allowed words (source, confidence, onFail, ...)</description></item>
/// <item><term>GL105</term><description>malformed date or page range</description></item>
/// <item><term>GL201</term><description>duplicate id</description></item>
/// <item><term>GL202</term><description>unknown fact kind</description></item>
/// <item><term>GL203</term><description>unknown service kind</description></item>
/// <item><term>GL204</term><description>unknown region</description></item>
/// <item><term>GL205</term><description>unknown calculation or quantity unit</description></item>
/// <item><term>GL206</term><description>topic without pages in a document cited by pages</description></item>
/// <item><term>GL207</term><description>criterion without a source page or section</description></item>
/// <item><term>GL208</term><description>a rule reads a fact the criterion does not list in <c>facts</c></description></item>
/// <item><term>GL209</term><description>malformed rule</description></item>
/// <item><term>GL210</term><description><c>basedOn</c> or a rule's list names something that does not exist</description></item>
/// <item><term>GL301</term><description>hierarchy candidate names no known topic, or a topic that does not list the service</description></item>
/// <item><term>GL302</term><description>service kind neither in the hierarchy nor listed as not covered, or listed twice</description></item>
/// <item><term>GL401</term><description>template uses an unknown placeholder</description></item>
/// <item><term>GL501</term><description>an example names a topic or criterion the library does not have</description></item>
/// <item><term>GL502</term><description>an example's record does not say it is synthetic</description></item>
/// <item><term>GL601</term><description>a Drug List file is not in the shape <c>imr formulary import</c> writes</description></item>
/// </list>
/// </summary>
/// <param name="Code">Stable code.</param>
/// <param name="File">Library file, e.g. <c>mtus-2009/chronic-pain.json</c>.</param>
/// <param name="Path">JSON path inside the file, e.g. <c>$.topics[0].criteria[2].facts[1]</c>.</param>
/// <param name="Message">What is wrong and what to do.</param>
public sealed record LibraryProblem(string Code, string File, string Path, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => $"{File} {Path}: {Code} {Message}";
}
