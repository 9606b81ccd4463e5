import request from 'supertest';
import { ADMIN_PASSWORD, TestApp } from './test-app';

export const PREFIX = '/api/v1';
export const PASSWORD = 'a-password-for-tests';

/** A signed-in client: every call carries its bearer token. */
export class Client {
  constructor(
    private readonly t: TestApp,
    readonly token: string,
    readonly user: { id: string; username: string; role: string; countyId?: string; schoolId?: string; teacherId?: string },
  ) {}

  get(path: string): request.Test {
    return this.t
      .http()
      .get(PREFIX + path)
      .set('Authorization', `Bearer ${this.token}`);
  }

  post(path: string, body?: object | string): request.Test {
    const call = this.t
      .http()
      .post(PREFIX + path)
      .set('Authorization', `Bearer ${this.token}`);
    return body === undefined ? call : call.send(body);
  }

  patch(path: string, body: object): request.Test {
    return this.t
      .http()
      .patch(PREFIX + path)
      .set('Authorization', `Bearer ${this.token}`)
      .send(body);
  }

  put(path: string, body: object): request.Test {
    return this.t
      .http()
      .put(PREFIX + path)
      .set('Authorization', `Bearer ${this.token}`)
      .send(body);
  }

  delete(path: string): request.Test {
    return this.t
      .http()
      .delete(PREFIX + path)
      .set('Authorization', `Bearer ${this.token}`);
  }
}

export async function login(t: TestApp, username: string, password: string): Promise<Client> {
  const response = await t.http().post(`${PREFIX}/auth/login`).send({ username, password });
  if (response.status !== 200) throw new Error(`login ${username} answered ${response.status}: ${JSON.stringify(response.body)}`);
  return new Client(t, response.body.accessToken, response.body.user);
}

export function loginAdmin(t: TestApp): Promise<Client> {
  return login(t, 'admin', ADMIN_PASSWORD);
}

/** Creates an account through the API (as `creator`) and signs in with it. */
export async function account(
  t: TestApp,
  creator: Client,
  body: { username: string; role: string; cityId?: string; countyId?: string; schoolId?: string; teacherId?: string },
): Promise<Client> {
  const response = await creator.post('/users', { password: PASSWORD, ...body });
  if (response.status !== 201) throw new Error(`creating ${body.username} answered ${response.status}: ${JSON.stringify(response.body)}`);
  return login(t, body.username, PASSWORD);
}
