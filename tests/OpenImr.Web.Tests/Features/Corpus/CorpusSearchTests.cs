using OpenImr.Domain.Letters;
using OpenImr.Storage.Letters;
using OpenImr.Web.Features.Corpus;
using OpenImr.Web.Tests.Components.Pages.Corpus;
using OpenImr.Web.Tests.Infrastructure;

namespace OpenImr.Web.Tests.Features.Corpus;

public sealed class CorpusSearchTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private CorpusSearch Search() => new(new LetterStore(app.Server.Database));

    [Fact]
    public async Task SearchAsync_BadDecisionYearAndPage_ListsEveryProblemAndSearchesNothing()
    {
        var page = await Search().SearchAsync(new CorpusRequest(null, "Maybe", null, null, null, "16", 0), Http.Cancel);

        Assert.Null(page.Result);
        Assert.Equal(3, page.Errors.Count);
        Assert.Contains("'Maybe' is not a decision", page.Errors[0], StringComparison.Ordinal);
        Assert.Contains("'16' is not a year", page.Errors[1], StringComparison.Ordinal);
        Assert.StartsWith("Page:", page.Errors[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchAsync_QueryWithNulOrNestedTooDeep_SaysSoAndSearchesNothing()
    {
        var nul = await Search().SearchAsync(new CorpusRequest("mri\0", null, "imaging\0", null, null, null, 1), Http.Cancel);
        var nested = await Search().SearchAsync(new CorpusRequest(new string('(', 20) + "mri", null, null, null, null, null, 1), Http.Cancel);

        Assert.Null(nul.Result);
        Assert.Equal(2, nul.Errors.Count);
        Assert.StartsWith("Search:", nul.Errors[0], StringComparison.Ordinal);
        Assert.StartsWith("Service:", nul.Errors[1], StringComparison.Ordinal);
        Assert.Contains("nests parentheses 20 deep", Assert.Single(nested.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchAsync_TextAndFacetFilter_HitsAndFacetsAgree()
    {
        await SyntheticLibrary.UploadAsync(app.Server);

        var page = await Search().SearchAsync(new CorpusRequest("synthetic knee", "overturned", null, null, null, " 2016 ", null), Http.Cancel);

        Assert.Empty(page.Errors);
        Assert.Equal(Decision.Overturned, page.Query.Decision);
        Assert.Equal(1, page.Result!.Total);
        Assert.Equal(1, page.Total);
        Assert.Equal("12 sessions of physical therapy for the left knee", Assert.Single(page.Result.Hits).Request);
        Assert.Equal(1, Assert.Single(page.Facets!.Years).Items);
        Assert.Equal(1, page.PageCount);
    }

    [Fact]
    public async Task SearchAsync_SpecialtyFacet_NarrowsHitsAndFacets()
    {
        await SyntheticLibrary.UploadAsync(app.Server);

        var orthopedic = await Search().SearchAsync(new CorpusRequest("synthetic", null, null, null, null, null, null, " orthopedic surgery "), Http.Cancel);
        var neurology = await Search().SearchAsync(new CorpusRequest("synthetic", null, null, null, null, null, null, "Neurology"), Http.Cancel);
        var unfiltered = await Search().SearchAsync(new CorpusRequest("synthetic", null, null, null, null, null, null), Http.Cancel);

        Assert.Equal("orthopedic surgery", orthopedic.Query.Specialty);
        Assert.True(unfiltered.Total > 0);
        Assert.Equal(unfiltered.Total, orthopedic.Total);
        Assert.Equal("Orthopedic Surgery", Assert.Single(orthopedic.Facets!.Specialties).Value);
        Assert.Equal(0, neurology.Total);
        Assert.Empty(neurology.Result!.Hits);
        Assert.Empty(neurology.Facets!.Specialties);
    }

    [Fact]
    public void SnippetParts_HighlightedWords_AreTheOddParts()
    {
        var parts = CorpusSearch.SnippetParts("no **knee** locking after the **twist**");

        Assert.Equal(["no ", "knee", " locking after the ", "twist", ""], parts);
    }

    [Fact]
    public void LetterBody_StoredLetter_IsTheRenderingsBodyWithSecondLevelHeadings()
    {
        var body = CorpusSearch.LetterBody(SyntheticLibrary.Letters[0]);

        Assert.DoesNotContain("<body>", body, StringComparison.Ordinal);
        Assert.DoesNotContain("<h3>", body, StringComparison.Ordinal);
        Assert.Contains(">CLINICAL CASE SUMMARY</h2>", body, StringComparison.Ordinal);
        Assert.Contains("locking of the knee after the twist", body, StringComparison.Ordinal);
    }
}
