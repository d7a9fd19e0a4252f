using System.Collections.Generic;

namespace Cybrid.Analyzers.Benchmarks.Corpus
{
    /// <summary>
    /// The code around the business logic: options classes, typed HttpClients for third-party APIs, DI
    /// registration, MVC controllers, minimal-API endpoints with webhook receivers, and hosted workers.
    /// </summary>
    internal static class InfrastructureTemplates
    {
        public static string Options(Rng rng, ModuleModel m)
        {
            var w = new CodeWriter();
            var close = BusinessTemplates.Header(w, m.Namespace, rng.Chance(0.9), "System");

            // most base URLs are https; a development default on loopback is common; a plain-http third-party URL is rare
            string baseUrl;
            var roll = rng.Next(100);
            if (roll < 8)
            {
                baseUrl = "http://localhost:" + rng.Between(5000, 5999) + "/";
            }
            else if (roll < 10)
            {
                baseUrl = "http://" + m.VendorHost + "/v" + rng.Between(1, 3) + "/";
            }
            else
            {
                baseUrl = "https://" + m.VendorHost + "/v" + rng.Between(1, 3) + "/";
            }

            w.Block($$"""
                /// <summary>Settings of the {{m.Vendor}} integration, bound from the "{{m.Vendor}}" configuration section.</summary>
                public sealed class {{m.VendorOptions}}
                {
                    public const string SectionName = "{{m.Vendor}}";

                    public string BaseUrl { get; set; } = "{{baseUrl}}";

                    public string ApiKey { get; set; } = string.Empty;

                    public string? WebhookSecret { get; set; }

                    public string CallbackUrl { get; set; } = "https://app.{{m.Folder.ToLowerInvariant()}}.example.com/callbacks/{{m.Vendor.ToLowerInvariant()}}";

                    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds({{rng.Pick(new[] { 10, 15, 30, 60, 100 })}});

                    public int MaxRetries { get; set; } = {{rng.Between(0, 5)}};

                    public string UserAgent { get; set; } = "{{m.Folder}}/{{rng.Between(1, 4)}}.{{rng.Between(0, 9)}}";
                """);
            if (rng.Chance(0.4))
            {
                w.Block("""

                        public string Region { get; set; } = "eu-west";

                        public bool UseSandbox { get; set; }
                    """);
            }

            w.Line("}");
            Footer(w, close);
            return w.ToString();
        }

        public static string HttpClient(Rng rng, ModuleModel m, List<EntityModel> entities)
        {
            var w = new CodeWriter();
            var close = BusinessTemplates.Header(
                w,
                m.Namespace,
                rng.Chance(0.9),
                "System",
                "System.Collections.Generic",
                "System.Net",
                "System.Net.Http",
                "System.Net.Http.Json",
                "System.Threading",
                "System.Threading.Tasks",
                "Microsoft.Extensions.Logging",
                "Microsoft.Extensions.Options");
            w.Line("/// <summary>Typed client for the " + m.Vendor + " API.</summary>");
            w.Open("public sealed class " + m.VendorClient);
            w.Block($$"""
                private readonly HttpClient _httpClient;
                private readonly ILogger<{{m.VendorClient}}> _logger;
                private readonly {{m.VendorOptions}} _options;

                public {{m.VendorClient}}(HttpClient httpClient, IOptions<{{m.VendorOptions}}> options, ILogger<{{m.VendorClient}}> logger)
                {
                    _httpClient = httpClient;
                    _logger = logger;
                    _options = options.Value;
                    _httpClient.BaseAddress = new Uri(_options.BaseUrl);
                    _httpClient.Timeout = _options.Timeout;
                    _httpClient.DefaultRequestHeaders.UserAgent.ParseAdd(_options.UserAgent);
                    _httpClient.DefaultRequestHeaders.Add("X-Api-Key", _options.ApiKey);
                }
                """);
            foreach (var e in entities)
            {
                w.Line();
                w.Block($$"""
                    public async Task<{{e.Dto}}?> Get{{e.Name}}Async(Guid id, CancellationToken cancellationToken = default)
                    {
                        _logger.LogDebug("Fetching {{e.Name.ToLowerInvariant()}} {Id} from {{m.Vendor}}", id);
                        using var response = await _httpClient.GetAsync($"{{e.Route}}/{id:D}", cancellationToken).ConfigureAwait(false);
                        if (response.StatusCode == HttpStatusCode.NotFound)
                        {
                            return null;
                        }

                        response.EnsureSuccessStatusCode();
                        return await response.Content.ReadFromJsonAsync<{{e.Dto}}>(cancellationToken: cancellationToken).ConfigureAwait(false);
                    }

                    public async Task<IReadOnlyList<{{e.Dto}}>> List{{e.Plural}}Async(int page = 1, CancellationToken cancellationToken = default)
                    {
                        var items = await _httpClient.GetFromJsonAsync<List<{{e.Dto}}>>($"{{e.Route}}?page={page}&per_page={{rng.Pick(new[] { 25, 50, 100 })}}", cancellationToken).ConfigureAwait(false);
                        return items ?? new List<{{e.Dto}}>();
                    }
                    """);
                if (rng.Chance(0.7))
                {
                    w.Line();
                    w.Block($$"""
                        public async Task Push{{e.Name}}Async({{e.Dto}} dto, CancellationToken cancellationToken = default)
                        {
                            using var response = await _httpClient.PostAsJsonAsync("{{e.Route}}", dto, cancellationToken).ConfigureAwait(false);
                            if (!response.IsSuccessStatusCode)
                            {
                                var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                                _logger.LogWarning("{{m.Vendor}} rejected {{e.Name.ToLowerInvariant()}} {Id}: {StatusCode} {Body}", dto.Id, (int)response.StatusCode, body);
                            }

                            response.EnsureSuccessStatusCode();
                        }
                        """);
                }

                if (rng.Chance(0.5))
                {
                    w.Line();
                    w.Block($$"""
                        public async Task<bool> Delete{{e.Name}}Async(Guid id, CancellationToken cancellationToken = default)
                        {
                            using var request = new HttpRequestMessage(HttpMethod.Delete, $"{{e.Route}}/{id:D}");
                            request.Headers.Add("X-Request-Id", Guid.NewGuid().ToString("N"));
                            using var response = await _httpClient.SendAsync(request, cancellationToken).ConfigureAwait(false);
                            _logger.LogInformation("Deleted {{e.Name.ToLowerInvariant()}} {Id} at {{m.Vendor}}: {Status}", id, response.StatusCode);
                            return response.IsSuccessStatusCode;
                        }
                        """);
                }
            }

            if (rng.Chance(0.5))
            {
                w.Line();
                w.Block($$"""
                    public async Task<bool> PingAsync(CancellationToken cancellationToken = default)
                    {
                        try
                        {
                            using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                            cts.CancelAfter(TimeSpan.FromSeconds({{rng.Pick(new[] { 2, 5, 10 })}}));
                            using var response = await _httpClient.GetAsync("health", cts.Token).ConfigureAwait(false);
                            return response.IsSuccessStatusCode;
                        }
                        catch (HttpRequestException ex)
                        {
                            _logger.LogWarning(ex, "{{m.Vendor}} is unreachable at {BaseAddress}", _httpClient.BaseAddress);
                            return false;
                        }
                    }
                    """);
            }

            w.Close();
            Footer(w, close);
            return w.ToString();
        }

        public static string Registration(Rng rng, ModuleModel m, bool hasOptions, bool hasClient, bool hasWorker, bool hasCybrid, List<EntityModel> entities)
        {
            var w = new CodeWriter();
            var close = BusinessTemplates.Header(
                w,
                m.Namespace,
                rng.Chance(0.9),
                "System",
                "Microsoft.Extensions.Configuration",
                "Microsoft.Extensions.DependencyInjection");
            w.Line("/// <summary>Registers the " + m.Domain.ToLowerInvariant() + " module.</summary>");
            w.Open("public static class " + m.Domain + "ServiceCollectionExtensions");
            w.Open("public static IServiceCollection Add" + m.Domain + "Module(this IServiceCollection services, IConfiguration configuration)");
            if (hasOptions)
            {
                w.Line("services.Configure<" + m.VendorOptions + ">(configuration.GetSection(" + m.VendorOptions + ".SectionName));");
            }

            if (hasClient)
            {
                w.Block($$"""
                    services.AddHttpClient<{{m.VendorClient}}>(client =>
                    {
                        client.DefaultRequestHeaders.Add("Accept", "application/json");
                        client.Timeout = TimeSpan.FromSeconds({{rng.Pick(new[] { 20, 30, 45 })}});
                    });
                    """);
            }

            foreach (var e in entities)
            {
                w.Line("services.AddSingleton<" + e.Repository + ">();");
                w.Line("services.AddScoped<" + e.Calculator + ">();");
                w.Line("services.AddTransient<" + e.Validator + ">();");
            }

            if (hasCybrid)
            {
                w.Line("services.Configure<CybridSettings>(configuration.GetSection(CybridSettings.SectionName));");
                w.Line("services.AddHttpClient<CybridTokenService>();");
                w.Line("services.AddHttpClient<CybridBankService>(client => client.Timeout = TimeSpan.FromSeconds(30));");
            }

            if (hasWorker)
            {
                w.Line("services.AddHostedService<" + entities[0].Name + "MaintenanceWorker>();");
            }

            w.Line("return services;");
            w.Close();
            w.Close();
            Footer(w, close);
            return w.ToString();
        }

        public static string Controller(Rng rng, ModuleModel m, EntityModel e)
        {
            var w = new CodeWriter();
            var close = BusinessTemplates.Header(
                w,
                m.Namespace,
                rng.Chance(0.9),
                "System",
                "System.Collections.Generic",
                "System.Linq",
                "System.Threading",
                "System.Threading.Tasks",
                "Microsoft.AspNetCore.Http",
                "Microsoft.AspNetCore.Mvc",
                "Microsoft.Extensions.Logging");
            var controller = e.Plural + "Controller";
            w.Block($$"""
                [ApiController]
                [Route("api/{{m.Domain.ToLowerInvariant()}}/{{e.Route}}")]
                public sealed class {{controller}} : ControllerBase
                {
                    private readonly {{e.Repository}} _repository;
                    private readonly {{e.Calculator}} _calculator;
                    private readonly {{e.Validator}} _validator;
                    private readonly ILogger<{{controller}}> _logger;

                    public {{controller}}({{e.Repository}} repository, {{e.Calculator}} calculator, {{e.Validator}} validator, ILogger<{{controller}}> logger)
                    {
                        _repository = repository;
                        _calculator = calculator;
                        _validator = validator;
                        _logger = logger;
                    }

                    [HttpGet("{id:guid}")]
                    [ProducesResponseType(StatusCodes.Status200OK)]
                    [ProducesResponseType(StatusCodes.Status404NotFound)]
                    public async Task<ActionResult<{{e.Dto}}>> Get(Guid id, CancellationToken cancellationToken)
                    {
                        var item = await _repository.FindAsync(id, cancellationToken);
                        if (item is null)
                        {
                            _logger.LogDebug("{{e.Name}} {Id} not found", id);
                            return NotFound();
                        }

                        return Ok(item.ToDto());
                    }

                    [HttpPost]
                    public async Task<IActionResult> Create([FromBody] {{e.Dto}} dto, CancellationToken cancellationToken)
                    {
                        var errors = _validator.Validate(dto);
                        if (errors.Count > 0)
                        {
                            return BadRequest(new { errors });
                        }

                        var entity = dto.ToEntity();
                        await _repository.AddAsync(entity, cancellationToken);
                        _logger.LogInformation("Created {{e.Name.ToLowerInvariant()}} {Id} with {{e.Amount.ToLowerInvariant()}} {Amount}", entity.Id, entity.{{e.Amount}});
                        return CreatedAtAction(nameof(Get), new { id = entity.Id }, entity.ToDto());
                    }

                    [HttpPost("{id:guid}/cancel")]
                    public async Task<IActionResult> Cancel(Guid id, CancellationToken cancellationToken)
                    {
                        var item = await _repository.FindAsync(id, cancellationToken);
                        if (item is null)
                        {
                            return NotFound();
                        }

                        item.Cancel();
                        _logger.LogInformation("Cancelled {{e.Name.ToLowerInvariant()}} {Id}", id);
                        return NoContent();
                    }

                    [HttpGet("stats")]
                    public ActionResult<object> Stats([FromQuery] string? search = null)
                    {
                        var items = string.IsNullOrEmpty(search) ? new List<{{e.Name}}>() : _repository.Search(search).ToList();
                        return Ok(new
                        {
                            count = items.Count,
                            total = _calculator.TotalOf(items),
                            byStatus = _calculator.CountByStatus(items).ToDictionary(p => p.Key.ToString(), p => p.Value),
                        });
                    }
                }
                """);
            Footer(w, close);
            return w.ToString();
        }

        public static string MinimalApi(Rng rng, ModuleModel m, EntityModel e, bool hasOptions)
        {
            var w = new CodeWriter();
            var webhook = hasOptions && rng.Chance(0.6);
            var usings = new List<string>
            {
                "System", "System.Threading", "System.Threading.Tasks", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Http",
                "Microsoft.AspNetCore.Routing", "Microsoft.Extensions.Logging",
            };
            if (webhook)
            {
                usings.AddRange(new[] { "System.IO", "System.Security.Cryptography", "System.Text", "System.Text.Json", "Microsoft.Extensions.Options" });
            }

            var close = BusinessTemplates.Header(w, m.Namespace, rng.Chance(0.9), usings.ToArray());
            w.Line("/// <summary>Minimal-API endpoints of the " + m.Domain.ToLowerInvariant() + " module.</summary>");
            w.Open("public static class " + m.Domain + "Endpoints");
            w.Open("public static IEndpointRouteBuilder Map" + m.Domain + "Endpoints(this IEndpointRouteBuilder app)");
            w.Block($$"""
                var group = app.MapGroup("/api/{{m.Domain.ToLowerInvariant()}}");
                group.MapGet("/{{e.Route}}/{id:guid}", async (Guid id, {{e.Repository}} repository, CancellationToken cancellationToken) =>
                {
                    var item = await repository.FindAsync(id, cancellationToken);
                    return item is null ? Results.NotFound() : Results.Ok(item.ToDto());
                });
                group.MapGet("/{{e.Route}}", ({{e.Repository}} repository, int? page) => Results.Ok(repository.Count));
                """);
            if (webhook)
            {
                w.Line("app.MapPost(\"/webhooks/" + m.Vendor.ToLowerInvariant() + "\", Receive" + m.Vendor + "WebhookAsync);");
            }

            w.Line("return app;");
            w.Close();
            if (webhook)
            {
                w.Line();
                var header = "X-" + m.Vendor + "-Signature";
                w.Block($$"""
                    private static async Task<IResult> Receive{{m.Vendor}}WebhookAsync(HttpRequest request, IOptions<{{m.VendorOptions}}> options, ILoggerFactory loggerFactory)
                    {
                        var logger = loggerFactory.CreateLogger("Webhooks.{{m.Vendor}}");
                        using var reader = new StreamReader(request.Body, Encoding.UTF8);
                        var body = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
                        var secret = options.Value.WebhookSecret;
                        if (string.IsNullOrEmpty(secret))
                        {
                            logger.LogError("No webhook secret is configured for {{m.Vendor}}");
                            return Results.StatusCode(StatusCodes.Status500InternalServerError);
                        }

                        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body));
                        byte[] received;
                        try
                        {
                            received = Convert.FromHexString(request.Headers["{{header}}"].ToString());
                        }
                        catch (FormatException)
                        {
                            return Results.BadRequest();
                        }

                        if (!CryptographicOperations.FixedTimeEquals(expected, received))
                        {
                            logger.LogWarning("Rejected a {{m.Vendor}} webhook with a bad signature");
                            return Results.Unauthorized();
                        }

                        using var document = JsonDocument.Parse(body);
                        var type = document.RootElement.TryGetProperty("type", out var t) ? t.GetString() : null;
                        logger.LogInformation("Received {{m.Vendor}} event {EventType}", type);
                        return Results.Ok();
                    }
                    """);
            }

            w.Close();
            Footer(w, close);
            return w.ToString();
        }

        public static string Worker(Rng rng, ModuleModel m, EntityModel e)
        {
            var w = new CodeWriter();
            var close = BusinessTemplates.Header(
                w,
                m.Namespace,
                rng.Chance(0.9),
                "System",
                "System.Threading",
                "System.Threading.Tasks",
                "Microsoft.Extensions.Hosting",
                "Microsoft.Extensions.Logging");
            var adjective = rng.Pick(Vocabulary.Adjectives);
            w.Block($$"""
                /// <summary>Archives {{adjective}} {{e.Plural.ToLowerInvariant()}} every few minutes.</summary>
                public sealed class {{e.Name}}MaintenanceWorker : BackgroundService
                {
                    private static readonly Action<ILogger, int, Exception?> LogArchived =
                        LoggerMessage.Define<int>(LogLevel.Information, new EventId({{rng.Between(1000, 9999)}}, "Archived"), "Archived {Count} {{adjective}} {{e.Plural.ToLowerInvariant()}}");

                    private readonly {{e.Repository}} _repository;
                    private readonly ILogger<{{e.Name}}MaintenanceWorker> _logger;
                    private readonly TimeSpan _interval = TimeSpan.FromMinutes({{rng.Pick(new[] { 1, 5, 15, 60 })}});

                    public {{e.Name}}MaintenanceWorker({{e.Repository}} repository, ILogger<{{e.Name}}MaintenanceWorker> logger)
                    {
                        _repository = repository;
                        _logger = logger;
                    }

                    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
                    {
                        _logger.LogInformation("{Worker} started with interval {Interval}", nameof({{e.Name}}MaintenanceWorker), _interval);
                        while (!stoppingToken.IsCancellationRequested)
                        {
                            try
                            {
                                var archived = await _repository.ArchiveOlderThanAsync(DateTime.UtcNow.AddDays(-{{rng.Between(7, 400)}}), stoppingToken);
                                LogArchived(_logger, archived, null);
                            }
                            catch (Exception ex) when (ex is not OperationCanceledException)
                            {
                                _logger.LogError(ex, "Maintenance of {{e.Plural.ToLowerInvariant()}} failed");
                            }

                            await Task.Delay(_interval, stoppingToken);
                        }
                    }
                }
                """);
            Footer(w, close);
            return w.ToString();
        }

        private static void Footer(CodeWriter w, string close) => BusinessTemplates.Footer(w, close);
    }
}
