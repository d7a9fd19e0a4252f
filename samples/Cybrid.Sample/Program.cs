using Cybrid.Sample;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSingleton<CybridSettings>();
builder.Services.AddHttpClient<CybridBankClient>();
builder.Services.AddCybridHttpClients();

var app = builder.Build();
app.MapGet("/", () => "Cybrid sample integration");
app.Run();
