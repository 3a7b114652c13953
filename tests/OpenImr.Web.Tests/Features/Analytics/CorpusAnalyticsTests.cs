using System.Net;
using OpenImr.Domain.Clinical;
using OpenImr.Storage.Letters;
using OpenImr.Web.Features.Analytics;
using OpenImr.Web.Tests.Features.Workflow;
using OpenImr.Web.Tests.Infrastructure;

namespace OpenImr.Web.Tests.Features.Analytics;

public sealed class CorpusAnalyticsTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private CorpusAnalytics Analytics() =>
        new(new LetterStore(app.Server.Database, new LetterStoreOptions { ClassifyService = i => RequestParser.Parse(i.Request).Service.ToString() }), app.Server.Database);

    [Fact]
    public void Measure_OddCount_GivesMiddleMeanAndLongest()
    {
        var turnaround = CorpusAnalytics.Measure("m", [10, 1, 3]);

        Assert.Equal(new Turnaround("m", 3, 3, 4.7, 10), turnaround);
    }

    [Fact]
    public void Measure_EvenCountAndANegativeSpan_AveragesTheMiddlePairAndLeavesTheNegativeOut()
    {
        var turnaround = CorpusAnalytics.Measure("m", [4, 1, -2, 2, 3.5]);

        Assert.Equal(new Turnaround("m", 4, 2.8, 2.6, 4), turnaround);
    }

    [Fact]
    public void Measure_NoCases_HasNoFigures()
    {
        Assert.Equal(new Turnaround("m", 0, null, null, null), CorpusAnalytics.Measure("m", []));
    }

    [Fact]
    public async Task ReportAsync_DecidedServiceCase_CountsItInBothServiceTurnarounds()
    {
        var before = await Analytics().ReportAsync(Http.Cancel);
        var (reviewerId, reviewerToken) = await app.Server.CreateReviewerAsync("Dr. Synthetic Analytics Reviewer");
        var caseId = await app.Server.AssignedCaseAsync("CM-TEST-ANL-0001", reviewerId);
        var engine = await app.Server.ReviewedCaseAsync(caseId, reviewerToken);
        await app.Server.Client(reviewerToken).PutDecisionsAsync(caseId, Workflow.Workflow.Decisions(engine), HttpStatusCode.OK);

        var after = await Analytics().ReportAsync(Http.Cancel);

        Assert.Equal(before.Turnarounds[0].Cases + 1, after.Turnarounds[0].Cases);
        Assert.Equal(before.Turnarounds[1].Cases + 1, after.Turnarounds[1].Cases);
        Assert.Equal(before.Turnarounds[2].Cases, after.Turnarounds[2].Cases);
        Assert.All(after.Turnarounds.Take(2), t => Assert.True(t.MedianDays >= 0));
    }

    [Fact]
    public async Task ReportAsync_LettersUploadedBetweenTwoReports_CountsThemInTheSecond()
    {
        var analytics = Analytics();
        var before = await analytics.ReportAsync(Http.Cancel);

        await Letters.LetterEndpointsTests.UploadLettersAsync(app.Client("administrator"));
        var after = await analytics.ReportAsync(Http.Cancel);

        Assert.True(after.Letters.Letters > before.Letters.Letters, "the second report counts the uploaded letters");
        Assert.True(after.MostDisputed.Sum(d => d.Items) > before.MostDisputed.Sum(d => d.Items), "and their services");
    }
}
