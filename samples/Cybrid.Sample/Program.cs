using Cybrid.Sample;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSingleton<CybridSettings>();
builder.Services.AddHttpClient<CybridBankClient>();
builder.Services.AddCybridHttpClients();
builder.Services.AddHttpClient<CybridTokenClient>();
builder.Services.AddHttpClient<CybridTradingService>();
builder.Services.AddSingleton<CybridOrganizationTokenClient>();

var app = builder.Build();
app.MapGet("/", () => "Cybrid sample integration");
app.MapCybridWebhooks();
app.Run();
