<?php
// Sign in to a DocSpace portal and print the token (PHP 7.4+ with the curl and json extensions).
$portal = 'https://yourportal.onlyoffice.com';

function fail(string $message): void
{
    fwrite(STDERR, "error: $message" . PHP_EOL);
    exit(1);
}

$curl = curl_init("$portal/api/2.0/authentication");
curl_setopt_array($curl, [
    CURLOPT_POST => true,
    CURLOPT_POSTFIELDS => json_encode(['userName' => 'yourusername', 'password' => 'yourpassword']),
    CURLOPT_HTTPHEADER => ['Content-Type: application/json', 'Accept: application/json'],
    CURLOPT_RETURNTRANSFER => true,
    CURLOPT_TIMEOUT => 30,
]);
$body = curl_exec($curl);
if ($body === false) {
    fail(curl_errno($curl) === CURLE_OPERATION_TIMEDOUT
        ? 'the portal did not answer within 30 s'
        : 'cannot reach the portal: ' . curl_error($curl));
}
$status = curl_getinfo($curl, CURLINFO_RESPONSE_CODE);
$answer = json_decode($body, true); // null when the body is not JSON, as error pages may be

if ($status < 200 || $status > 299) {
    fail("HTTP $status: " . ($answer['error']['message'] ?? '(no error message)'));
}
$result = $answer['response'] ?? [];
if (empty($result['token'])) {
    fail(!empty($result['tfa']) || !empty($result['sms'])
        ? 'second factor required: POST the code from your authenticator app or SMS to /api/2.0/authentication/{code}'
        : 'the answer contains no token');
}
echo "token: {$result['token']}" . PHP_EOL;
echo "expires: {$result['expires']}" . PHP_EOL;
