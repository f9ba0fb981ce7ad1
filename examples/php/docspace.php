<?php
// Sign in to a DocSpace portal, use the token, sign out; make an API key and use it
// (PHP 7.4+ with the curl and json extensions).
//   php docspace.php sign-in                        prints a token, or what the second factor needs
//   php docspace.php confirm <code>                 finishes a sign-in with the code from the app or the SMS
//   php docspace.php self                           prints who DOCSPACE_TOKEN belongs to
//   php docspace.php sign-out                       ends the session of DOCSPACE_TOKEN
//   php docspace.php create-key <name> <scope>...   makes an API key with DOCSPACE_TOKEN and prints it, once
//   php docspace.php self-with-key                  prints who DOCSPACE_API_KEY belongs to
// Reads DOCSPACE_PORTAL, DOCSPACE_USER and DOCSPACE_PASSWORD, DOCSPACE_TOKEN for self, sign-out and
// create-key, and DOCSPACE_API_KEY for self-with-key.

function fail(string $message): void
{
    fwrite(STDERR, "error: $message" . PHP_EOL);
    exit(1);
}

function env(string $name): string
{
    $value = getenv($name);
    if ($value === false || $value === '') {
        fail("$name is not set");
    }
    return $value;
}

function credentials(): array
{
    return ['userName' => env('DOCSPACE_USER'), 'password' => env('DOCSPACE_PASSWORD')];
}

/** Sends one call and returns the answer's `response`; any failure ends the program with one line. */
function call(string $method, string $path, ?array $body = null, ?string $authorization = null): array
{
    $portal = rtrim(env('DOCSPACE_PORTAL'), '/');
    $headers = ['Accept: application/json'];
    $curl = curl_init($portal . $path);
    $options = [CURLOPT_RETURNTRANSFER => true, CURLOPT_TIMEOUT => 30];
    if ($method === 'POST') {
        $options[CURLOPT_POST] = true;
        $options[CURLOPT_POSTFIELDS] = $body === null ? '' : json_encode($body);
    }
    if ($body !== null) {
        $headers[] = 'Content-Type: application/json';
    }
    if ($authorization !== null) {
        $headers[] = "Authorization: $authorization";
    }
    curl_setopt_array($curl, $options + [CURLOPT_HTTPHEADER => $headers]);
    $text = curl_exec($curl);
    if ($text === false) {
        fail(curl_errno($curl) === CURLE_OPERATION_TIMEDOUT
            ? 'the portal did not answer within 30 s'
            : 'cannot reach the portal: ' . curl_error($curl));
    }
    $status = curl_getinfo($curl, CURLINFO_RESPONSE_CODE);
    // null when the body is not JSON: a 401 may come with an empty body, error pages may be HTML.
    $answer = json_decode($text, true);
    if ($status < 200 || $status > 299) {
        fail("HTTP $status: " . ($answer['error']['message'] ?? '(no error message)'));
    }
    return $answer['response'] ?? [];
}

/** A sign-in's answer: the token, or what the portal wants first. */
function printSignIn(array $result): void
{
    if (!empty($result['token'])) {
        echo "token: {$result['token']}" . PHP_EOL;
        echo "expires: {$result['expires']}" . PHP_EOL;
    } elseif (!empty($result['tfa']) && !empty($result['tfaKey'])) {
        echo "second factor not set up: add the key {$result['tfaKey']} to your authenticator app"
            . " (or open {$result['confirmUrl']}), then run confirm <code>" . PHP_EOL;
    } elseif (!empty($result['tfa'])) {
        echo 'second factor required: run confirm <code> with the code your authenticator app shows' . PHP_EOL;
    } elseif (!empty($result['sms']) && !empty($result['phoneNoise'])) {
        echo "second factor required: run confirm <code> with the code sent by SMS to {$result['phoneNoise']}" . PHP_EOL;
    } elseif (!empty($result['sms'])) {
        echo "second factor not set up: open {$result['confirmUrl']} in a browser to confirm your phone number,"
            . ' then sign in again' . PHP_EOL;
    } else {
        fail('the answer contains no token');
    }
}

function printProfile(array $profile): void
{
    echo "displayName: {$profile['displayName']}" . PHP_EOL;
    echo "email: {$profile['email']}" . PHP_EOL;
}

$step = $argv[1] ?? '';
switch ($step) {
    case 'sign-in':
        printSignIn(call('POST', '/api/2.0/authentication', credentials()));
        break;
    case 'confirm':
        $code = $argv[2] ?? '';
        if (!ctype_digit($code)) {
            fail('give the code from the app or the SMS, digits only: confirm 123456');
        }
        printSignIn(call('POST', "/api/2.0/authentication/$code", credentials() + ['code' => $code]));
        break;
    case 'self':
        printProfile(call('GET', '/api/2.0/people/@self', null, env('DOCSPACE_TOKEN')));
        break;
    case 'sign-out':
        call('POST', '/api/2.0/authentication/logout', null, env('DOCSPACE_TOKEN'));
        echo 'signed out' . PHP_EOL;
        break;
    case 'create-key':
        $name = $argv[2] ?? '';
        $scopes = array_slice($argv, 3);
        if ($name === '' || $scopes === []) {
            fail('give the key a name and its scopes: create-key nightly-export accounts:read');
        }
        // Sent once: a create that timed out may still have made a key, so it is never retried.
        $created = call('POST', '/api/2.0/keys', ['name' => $name, 'permissions' => $scopes], env('DOCSPACE_TOKEN'));
        if (empty($created['key'])) {
            fail('the answer contains no key');
        }
        echo "key: {$created['key']}" . PHP_EOL;
        echo 'the portal shows this key only once: keep it in DOCSPACE_API_KEY or a secret store now' . PHP_EOL;
        break;
    case 'self-with-key':
        printProfile(call('GET', '/api/2.0/people/@self', null, 'Bearer ' . env('DOCSPACE_API_KEY')));
        break;
    default:
        fail('say which step to run: sign-in, confirm <code>, self, sign-out, create-key <name> <scope>... or self-with-key');
}
