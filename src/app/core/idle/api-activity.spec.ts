import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { CLOCK } from '../clock';
import { ApiActivity, apiActivityInterceptor } from './api-activity';

describe('apiActivityInterceptor', () => {
  let now: number;
  let http: HttpClient;
  let controller: HttpTestingController;
  let activity: ApiActivity;

  beforeEach(() => {
    now = 1_000_000;
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([apiActivityInterceptor])),
        provideHttpClientTesting(),
        { provide: CLOCK, useValue: { now: () => now } },
      ],
    });
    http = TestBed.inject(HttpClient);
    controller = TestBed.inject(HttpTestingController);
    activity = TestBed.inject(ApiActivity);
  });

  afterEach(() => {
    controller.verify();
  });

  it('records when an API request is sent', () => {
    http.get('/api/patients').subscribe();
    expect(activity.lastRequestAt).toBe(1_000_000);
    controller.expectOne('/api/patients').flush({});
  });

  it('does not count signing out or other sites', () => {
    http.post('/api/auth/logout', null).subscribe();
    http.get('https://example.org/x').subscribe();
    expect(activity.lastRequestAt).toBe(0);
    controller.expectOne('/api/auth/logout').flush(null);
    controller.expectOne('https://example.org/x').flush({});
  });

  it('never goes back in time', () => {
    activity.noteRequest(2_000_000);
    activity.noteRequest(1_500_000);
    expect(activity.lastRequestAt).toBe(2_000_000);
  });
});
