// Sign in to a DocSpace portal and print the token.
// Runs on .NET 6+ (paste into a console project) and on Mono; no NuGet packages.
using System;
using System.IO;
using System.Net.Http;
using System.Runtime.Serialization;
using System.Runtime.Serialization.Json;
using System.Text;
using System.Threading.Tasks;

static class Authenticate
{
    const string Portal = "https://yourportal.onlyoffice.com";

    // Environment.Exit rather than returning: after a timeout, Mono can hold the process open for
    // another minute while the abandoned connection winds down.
    static void Main() => Environment.Exit(RunAsync().GetAwaiter().GetResult());

    static async Task<int> RunAsync()
    {
        var credentials = new Credentials { UserName = "yourusername", Password = "yourpassword" };
        using (var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) })
        using (var content = new StringContent(Json.Write(credentials), Encoding.UTF8, "application/json"))
        {
            client.DefaultRequestHeaders.Accept.ParseAdd("application/json");
            HttpResponseMessage response;
            string body;
            try
            {
                response = await client.PostAsync(Portal + "/api/2.0/authentication", content);
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
            var result = answer?.Response;
            if (string.IsNullOrEmpty(result?.Token))
            {
                return Fail(result != null && (result.Tfa || result.Sms)
                    ? "second factor required: POST the code from your authenticator app or SMS to /api/2.0/authentication/{code}"
                    : "the answer contains no token");
            }
            Console.WriteLine($"token: {result.Token}");
            Console.WriteLine($"expires: {result.Expires}");
            return 0;
        }
    }

    static int Fail(string message)
    {
        Console.Error.WriteLine("error: " + message);
        return 1;
    }
}

[DataContract]
class Credentials
{
    [DataMember(Name = "userName")] public string UserName { get; set; }
    [DataMember(Name = "password")] public string Password { get; set; }
}

// How the portal wraps every answer: the payload in "response", or an "error".
[DataContract]
class Envelope
{
    [DataMember(Name = "response")] public AuthResult Response { get; set; }
    [DataMember(Name = "error")] public PortalError Error { get; set; }
}

[DataContract]
class AuthResult
{
    [DataMember(Name = "token")] public string Token { get; set; }
    [DataMember(Name = "expires")] public string Expires { get; set; }
    [DataMember(Name = "tfa")] public bool Tfa { get; set; }
    [DataMember(Name = "sms")] public bool Sms { get; set; }
}

[DataContract]
class PortalError
{
    [DataMember(Name = "message")] public string Message { get; set; }
}

// DataContractJsonSerializer ships with both .NET and Mono (System.Text.Json is .NET only).
static class Json
{
    public static string Write<T>(T value)
    {
        using (var stream = new MemoryStream())
        {
            new DataContractJsonSerializer(typeof(T)).WriteObject(stream, value);
            return Encoding.UTF8.GetString(stream.ToArray());
        }
    }

    public static T Read<T>(string json) where T : class
    {
        try
        {
            using (var stream = new MemoryStream(Encoding.UTF8.GetBytes(json)))
                return (T)new DataContractJsonSerializer(typeof(T)).ReadObject(stream);
        }
        catch (SerializationException)
        {
            return null; // not JSON, as error pages may be
        }
    }
}
