// Call the API with a token: print who it belongs to.
// Runs on .NET 6+ (paste into a console project) and on Mono; no NuGet packages.
using System;
using System.IO;
using System.Net.Http;
using System.Runtime.Serialization;
using System.Runtime.Serialization.Json;
using System.Text;
using System.Threading.Tasks;

static class GetSelf
{
    const string Portal = "https://yourportal.onlyoffice.com";

    // Environment.Exit rather than returning: after a timeout, Mono can hold the process open for
    // another minute while the abandoned connection winds down.
    static void Main() => Environment.Exit(RunAsync().GetAwaiter().GetResult());

    static async Task<int> RunAsync()
    {
        using (var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) })
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "yourtoken");
            client.DefaultRequestHeaders.Accept.ParseAdd("application/json");
            HttpResponseMessage response;
            string body;
            try
            {
                response = await client.GetAsync(Portal + "/api/2.0/people/@self");
                body = await response.Content.ReadAsStringAsync();
            }
            catch (OperationCanceledException) // what HttpClient throws when Timeout passes
            {
                return Fail("the portal did not answer within 30 s");
            }
            catch (HttpRequestException e)
            {
                return Fail("cannot reach the portal: " + (e.InnerException ?? e).Message);
            }
            var answer = Json.Read<Envelope>(body);

            if (!response.IsSuccessStatusCode)
                return Fail($"HTTP {(int)response.StatusCode}: {answer?.Error?.Message ?? "(no error message)"}");
            Console.WriteLine($"displayName: {answer?.Response?.DisplayName}");
            Console.WriteLine($"email: {answer?.Response?.Email}");
            return 0;
        }
    }

    static int Fail(string message)
    {
        Console.Error.WriteLine("error: " + message);
        return 1;
    }
}

// How the portal wraps every answer: the payload in "response", or an "error".
[DataContract]
class Envelope
{
    [DataMember(Name = "response")] public Profile Response { get; set; }
    [DataMember(Name = "error")] public PortalError Error { get; set; }
}

[DataContract]
class Profile
{
    [DataMember(Name = "displayName")] public string DisplayName { get; set; }
    [DataMember(Name = "email")] public string Email { get; set; }
}

[DataContract]
class PortalError
{
    [DataMember(Name = "message")] public string Message { get; set; }
}

// DataContractJsonSerializer ships with both .NET and Mono (System.Text.Json is .NET only).
static class Json
{
    public static T Read<T>(string json) where T : class
    {
        try
        {
            using (var stream = new MemoryStream(Encoding.UTF8.GetBytes(json)))
                return (T)new DataContractJsonSerializer(typeof(T)).ReadObject(stream);
        }
        catch (SerializationException)
        {
            return null; // not JSON: a 401 may come with an empty body
        }
    }
}
