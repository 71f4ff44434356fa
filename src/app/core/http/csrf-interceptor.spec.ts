import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { csrfInterceptor } from './csrf-interceptor';

describe('csrfInterceptor', () => {
  let http: HttpClient;
  let controller: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(withInterceptors([csrfInterceptor])), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpClient);
    controller = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    controller.verify();
  });

  it('adds X-Requested-With to /api requests', () => {
    http.post('/api/auth/logout', null).subscribe();
    const req = controller.expectOne('/api/auth/logout');
    expect(req.request.headers.get('X-Requested-With')).toBe('XMLHttpRequest');
    req.flush(null, { status: 204, statusText: 'No Content' });
  });

  it('adds X-Requested-With to /fhir requests', () => {
    http.get('/fhir/Patient').subscribe();
    const req = controller.expectOne('/fhir/Patient');
    expect(req.request.headers.get('X-Requested-With')).toBe('XMLHttpRequest');
    req.flush({});
  });

  it('leaves other URLs alone', () => {
    http.get('https://example.org/data.json').subscribe();
    const req = controller.expectOne('https://example.org/data.json');
    expect(req.request.headers.has('X-Requested-With')).toBeFalse();
    req.flush({});
  });
});
