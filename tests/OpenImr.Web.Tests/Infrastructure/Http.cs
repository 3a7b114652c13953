using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace OpenImr.Web.Tests.Infrastructure;

/// <summary>Small helpers for calling the API and reading its JSON.</summary>
internal static class Http
{
    public static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(Cancel);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Asserts the status, and that an error is an RFC 7807 problem detail carrying it.</summary>
    public static async Task<JsonElement> ExpectAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        if ((int)status >= 400)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = JsonDocument.Parse(body).RootElement.Clone();
            Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
            Assert.True(problem.TryGetProperty("title", out _), body);
            return problem;
        }

        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object body) =>
        client.PostAsJsonAsync(url, body, Cancel);

    public static MultipartFormDataContent File(byte[] content, string fileName, string contentType, string field = "file")
    {
        var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(content);
        part.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(part, field, fileName);
        return form;
    }

    /// <summary>Files a valid synthetic case and returns its id.</summary>
    public static async Task<Guid> CreateCaseAsync(this HttpClient client, string caseNumber = "CM-TEST-WEB-0001")
    {
        using var response = await client.PostJsonAsync("/api/cases", TestCases.ValidCase(caseNumber));
        var created = await response.ExpectAsync(HttpStatusCode.Created);
        return created.GetProperty("id").GetGuid();
    }

    public static string[] ErrorKeys(this JsonElement problem) =>
        [.. problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];
}
