import { existsSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';
import { DynamicModule, Inject, Injectable, Logger, Module, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { ApplicationConfig, HttpAdapterHost } from '@nestjs/core';
import { ExpressLoader, type ServeStaticModuleOptions } from '@nestjs/serve-static';
import type { AppConfig } from '@app/config';

/**
 * The paths index.html answers: every path but the API's (unknown paths there stay JSON 404s), Swagger UI's and the
 * queue dashboard's (/queues, which keeps the strict content security policy).
 * A render path rather than serve-static's `exclude`: with `exclude`, its Express loader adds an error handler that
 * turns every error on an excluded path into a 404, so an unreadable JSON body on /api would no longer answer 400.
 */
const CONSOLE_PAGES = /^\/(?!api(?:\/|$)|docs(?:\/|$|-json$|-yaml$)|queues(?:\/|$))/;

/** Whether a request path belongs to the console (its pages and assets), not to the API or Swagger UI. */
export function isConsolePath(path: string): boolean {
  return CONSOLE_PAGES.test(path);
}

/**
 * Where the console's build is: WEB_DIR, or dist/web of the checkout, found from this file whether it runs from the
 * sources (apps/api/src) or from the build (dist/apps/api/src).
 */
function webRoot(config: AppConfig): string | null {
  const candidates = config.webDir ? [config.webDir] : [resolve(__dirname, '../../../dist/web'), resolve(__dirname, '../../../web')];
  return candidates.find((dir) => existsSync(join(dir, 'index.html'))) ?? null;
}

const WEB_ROOT = Symbol('WEB_ROOT');

/** The console's build as @nestjs/serve-static serves it: files as they are (hashed assets cached for a year), index.html for the rest. */
function serveStaticOptions(root: string): ServeStaticModuleOptions {
  const assets = join(root, 'assets');
  return {
    rootPath: root,
    renderPath: CONSOLE_PAGES,
    serveStaticOptions: {
      index: false,
      setHeaders: (response: ServerResponse, path: string) => {
        response.setHeader('Cache-Control', path.startsWith(assets) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    },
  };
}

/**
 * Registers the console's routes on the HTTP server once the modules are initialised, and says at start where the
 * console is served from, or that there is none. It calls @nestjs/serve-static's Express loader itself rather than
 * importing ServeStaticModule: that module picks its loader when its providers are instantiated, which a testing
 * module does before the HTTP adapter exists (so the end-to-end tests would serve nothing).
 */
@Injectable()
class WebConsoleRoutes implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger('WebConsole');

  constructor(
    @Inject(WEB_ROOT) private readonly root: string | null,
    private readonly adapterHost: HttpAdapterHost,
    private readonly applicationConfig: ApplicationConfig,
  ) {}

  onModuleInit(): void {
    if (this.root) new ExpressLoader().register(this.adapterHost.httpAdapter, this.applicationConfig, [serveStaticOptions(this.root)]);
  }

  onApplicationBootstrap(): void {
    this.logger.log(this.root ? `Serving the web console from ${this.root}` : 'No web console build (npm run build:web): serving the API only');
  }
}

/**
 * The web console (apps/web, built by `npm run build:web`), served by the API on its own port: files of the build as they
 * are, and index.html for every other path outside /api and /docs, so that the console's routes survive a reload.
 * Without a build the API starts all the same, and says so.
 */
@Module({})
export class WebConsoleModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: WebConsoleModule, providers: [{ provide: WEB_ROOT, useValue: webRoot(config) }, WebConsoleRoutes] };
  }
}
